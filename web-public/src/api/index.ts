import { createAppClient } from '@onewindow/web-kit';

/** The portal's one API client. */
export const api = createAppClient('public');
