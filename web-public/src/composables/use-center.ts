import type { CenterProfileDto } from '@onewindow/shared';
import { ref } from 'vue';
import { api } from '../api';

const profile = ref<CenterProfileDto | null>(null);
let asked: Promise<void> | null = null;

/** The center's name, hall, hours and phones from the server (one source for every page), read once per visit. */
export function useCenter() {
  asked ??= api.org
    .center()
    .then((c) => {
      profile.value = c;
    })
    .catch(() => {
      asked = null; // asked again by the next page that needs it
    });
  return profile;
}
