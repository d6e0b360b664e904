import { defineSessionStore } from '@onewindow/web-kit';
import { api } from '../api';

/** Anyone with an account may log in to the portal; what they may do is the server's to say. */
export const useSessionStore = defineSessionStore(api);
