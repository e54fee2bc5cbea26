// Which document-service actions change what the public site shows.

/** Content the site is built from. Reservations, enrolments and the like are not on it. */
export const SITE_CONTENT_TYPES: readonly string[] = [
  'plugin::booking.room',
  'plugin::booking.course',
  'plugin::booking.event',
  'plugin::booking.category',
  // Sessions are generated when a course or event is published, and staff cancel or move them:
  // the timetable shows them.
  'plugin::booking.session',
  'api::news.news',
  'api::site-setting.site-setting',
];

/**
 * With draft and publish, only the published version is on the site: publishing, unpublishing and
 * deleting change it, and so does a create or update that writes the published version directly
 * (`status: 'published'`); editing the draft does not (the editor's next publish will). Without
 * draft and publish every write is live.
 */
export const affectsSite = (input: {
  uid: string;
  action: string;
  params?: { status?: unknown } | null;
  draftAndPublish: boolean;
}): boolean => {
  if (!SITE_CONTENT_TYPES.includes(input.uid)) return false;
  const { action } = input;
  if (input.draftAndPublish) {
    if (action === 'publish' || action === 'unpublish' || action === 'delete') return true;
    if (action === 'create' || action === 'update') return input.params?.status === 'published';
    return false;
  }
  return action === 'create' || action === 'update' || action === 'delete' || action === 'clone';
};
