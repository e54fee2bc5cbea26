import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { cantComeCodeOf } from '../schemas/cant-come-code';
import { now } from '../utils/clock';
import { getService } from '../utils/get-service';
import { answeringConflicts } from './respond';

/** "我去不了 / I can't come": what the link's code cancels (GET, no side effect), and the tap (POST). */
const cantCome = ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: Context) {
    const code = cantComeCodeOf(ctx);
    ctx.body = { data: await getService(strapi, 'cantCome').describe(code, now()) };
  },
  async use(ctx: Context) {
    const code = cantComeCodeOf(ctx);
    await answeringConflicts(ctx, async () => {
      ctx.body = { data: await getService(strapi, 'cantCome').use(code, now()) };
    });
  },
});

export default cantCome;
