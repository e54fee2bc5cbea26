import type { Context } from 'koa';
import { csvFilename, toCsv, type CsvSheet } from '../utils/csv';
import { ConflictError } from '../utils/errors';

/** Answers a ConflictError as 409 directly: an expected outcome, not a server error to log. */
export const answeringConflicts = async (ctx: Context, work: () => Promise<void>): Promise<void> => {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    ctx.status = 409;
    ctx.body = { data: null, error: { status: 409, name: error.name, message: error.message, details: error.details } };
  }
};

/** Answers a CSV download (the file name is ASCII; the content is UTF-8). */
export const sendCsv = (ctx: Context, sheet: CsvSheet): void => {
  ctx.set('Content-Type', 'text/csv; charset=utf-8');
  ctx.set('Content-Disposition', `attachment; filename="${csvFilename(sheet.filename)}"`);
  ctx.body = toCsv(sheet.rows);
};

/** Answers with the status and body a service chose (a created or replayed request). */
export const answerWith = (ctx: Context, result: { status: number; body: unknown }): void => {
  ctx.status = result.status;
  ctx.body = result.body;
};
