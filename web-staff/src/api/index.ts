import { createAppClient } from '@onewindow/web-kit';

/** The back office's one API client. */
export const api = createAppClient('staff');
