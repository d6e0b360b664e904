import { createAppClient } from '@onewindow/web-kit';

/** The supervision app's one API client. */
export const api = createAppClient('supervision');
