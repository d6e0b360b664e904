import { CARD_STATE_LABELS, type CardState, ErrorCode } from '@onewindow/shared';
import { DomainException } from '../../platform/errors/domain.exception.js';

export class SupervisionException extends DomainException {}

export const SupervisionErrors = {
  cardNotFound: () => new SupervisionException(ErrorCode.CARD_NOT_FOUND, 404, '监察牌不存在'),
  cardState: (state: CardState, what: string) =>
    new SupervisionException(ErrorCode.CARD_STATE, 409, `监察牌当前为“${CARD_STATE_LABELS[state]}”，不能${what}`, {
      state,
    }),
  notYourCard: () => new SupervisionException(ErrorCode.CARD_NOT_YOURS, 403, '只有被出牌的部门人员可以申诉'),
  urgeNotFound: () => new SupervisionException(ErrorCode.URGE_NOT_FOUND, 404, '督办事项不存在'),
  urgeAnswered: () => new SupervisionException(ErrorCode.URGE_ANSWERED, 409, '该督办已回复'),
  caseNotOpen: () => new SupervisionException(ErrorCode.CARD_STATE, 409, '办件已办结，不能督办'),
};
