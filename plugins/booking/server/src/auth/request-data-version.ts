import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { readDataVersion } from '../repositories/data-version';

const KEY = Symbol('booking data version');

/**
 * The data version a request reads under, read once per request however many steps need it (the
 * public read strategy, then the answer cache): one round trip to the database, not two. Read at
 * the first step, before any of the data, so what is kept under it is never older than it.
 */
export const requestDataVersion = (ctx: Context, strapi: Core.Strapi): Promise<string> => {
  const state = ctx.state as { [KEY]?: Promise<string> };
  let read = state[KEY];
  if (!read) {
    read = readDataVersion(strapi);
    state[KEY] = read;
    // A failed read is not kept: a later step of the request asks again.
    read.catch(() => {
      if (state[KEY] === read) delete state[KEY];
    });
  }
  return read;
};
