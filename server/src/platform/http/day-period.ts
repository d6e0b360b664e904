import { dateOfDay, dayNumber, endOfShanghaiDay, ErrorCode, startOfShanghaiDay } from '@onewindow/shared';
import { DomainException } from '../errors/domain.exception.js';

export interface DayPeriod {
  from: string;
  to: string;
  /** 00:00 Shanghai of the first day. */
  start: Date;
  /** 24:00 Shanghai of the last day (exclusive). */
  end: Date;
  fromDay: number;
  toDay: number;
}

/** A period of Shanghai days, both ends included, at most `maxDays` long; a bad one is a 400 naming the field. */
export function dayPeriod(from: string, to: string, maxDays: number): DayPeriod {
  const fromDay = dayNumber(from);
  const toDay = dayNumber(to);
  const why =
    fromDay > toDay ? '开始日期晚于结束日期' : toDay - fromDay + 1 > maxDays ? `期间最长 ${maxDays} 天` : null;
  if (why) throw new DomainException(ErrorCode.VALIDATION_FAILED, 400, `期间有误：${why}`, { fields: { from: [why] } });
  return {
    from: dateOfDay(fromDay),
    to: dateOfDay(toDay),
    start: startOfShanghaiDay(fromDay),
    end: endOfShanghaiDay(toDay),
    fromDay,
    toDay,
  };
}
