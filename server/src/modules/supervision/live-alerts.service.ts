import { Injectable, Logger } from '@nestjs/common';
import type { Principal, SupervisionEvent } from '@onewindow/shared';
import { catchError, concatMap, EMPTY, filter, from, type Observable, share } from 'rxjs';
import { DepartmentScope } from '../../platform/auth/department-scope.js';
import { CardService } from './card.service.js';
import { SupervisionEvents } from './supervision-events.js';
import { SweepRunService } from './sweep-run.service.js';
import { UrgeService } from './urge.service.js';

/**
 * The live channel of this instance: each signal (from any instance) is read once into events, then
 * each connected board gets those it may see (supervisors all, staff their department's).
 */
@Injectable()
export class LiveAlertsService {
  private readonly log = new Logger(LiveAlertsService.name);
  private readonly stream: Observable<SupervisionEvent>;

  constructor(events: SupervisionEvents, cards: CardService, urges: UrgeService, runs: SweepRunService) {
    this.stream = events.signals.pipe(
      concatMap((s) => {
        const load = async (): Promise<SupervisionEvent[]> => {
          if (s.type === 'resync') return [{ type: 'resync' }];
          if (s.type === 'serviceEvent') return []; // for the rating terminals, not the boards
          if (s.type === 'card') return (await cards.byIds([s.id])).map((card) => ({ type: 'card', card }));
          if (s.type === 'urge') return [{ type: 'urge', urge: await urges.get(s.id) }];
          const cardsOfRun = await cards.ofRun(s.id);
          // Oldest first, so a board that prepends shows the newest on top.
          return [
            { type: 'run', run: await runs.get(s.id) },
            ...cardsOfRun.reverse().map((card) => ({ type: 'card' as const, card })),
          ];
        };
        return from(load()).pipe(
          concatMap((list) => from(list)),
          catchError((e: Error) => {
            this.log.warn(`live alert not delivered: ${e.message}`);
            return EMPTY;
          }),
        );
      }),
      share(),
    );
  }

  for(p: Principal): Observable<SupervisionEvent> {
    return this.stream.pipe(
      filter((e) => {
        if (e.type === 'card') return DepartmentScope.allows(p, e.card.departmentId);
        if (e.type === 'urge') return DepartmentScope.allows(p, e.urge.departmentId);
        if (e.type === 'resync') return true;
        return DepartmentScope.allows(p, null);
      }),
    );
  }
}
