/**
 * HTTP 409 in Strapi's error shape. Strapi's ApplicationError family has no 409, and its error
 * middleware turns any ApplicationError it does not know into a 400, so this is a plain Error
 * carrying an exposed status, which the middleware formats as `{ data: null, error }`.
 */
export class ConflictError extends Error {
  readonly name = 'ConflictError';
  readonly status = 409;
  readonly expose = true;

  constructor(message: string, readonly details: Record<string, unknown>) {
    super(message);
  }
}

/** Answers a ConflictError as 409 directly: an expected outcome, not a server error to log. */
export const answeringConflicts = async (ctx: any, work: () => Promise<void>): Promise<void> => {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    ctx.status = 409;
    ctx.body = { data: null, error: { status: 409, name: error.name, message: error.message, details: error.details } };
  }
};
