import { PLUGIN_ID } from '../pluginId';

/** The desk's addresses inside the admin panel (the router's basename is /admin). */
export const DESK_PATH = `/plugins/${PLUGIN_ID}/activities`;
export const activityPath = (kind: string, id: string, session?: string | null) => `${DESK_PATH}/${kind}/${id}${session ? `?session=${encodeURIComponent(session)}` : ''}`;
