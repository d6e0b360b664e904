/** The kit's texts for code outside components (toasts, errors, joins); the app's i18n sets the translator. */
import { formatTimeLimit, type TimeLimitDto } from '@onewindow/shared';

let translate: (key: string) => string = (key) => key;
export function setKitTranslator(t: (key: string) => string): void {
  translate = t;
}
/** A kit text (`kit.…`) in the running app's language, for code outside components (toasts, errors). */
export const kitText = (key: string) => translate(`kit.${key}`);
/** Names in a row (A、B / A, B) and messages in a row (A；B / A; B), in the app's language. */
export const listText = (items: readonly string[]) => items.join(kitText('list.items'));
export const messagesText = (items: readonly string[] | undefined) => (items ?? []).join(kitText('list.messages'));
/** A time limit in words (20 个工作日 / 20 working days; 即办 / on the spot), in the app's language. */
export const timeLimitText = (l: TimeLimitDto) => formatTimeLimit(l, kitText('onTheSpot'));
