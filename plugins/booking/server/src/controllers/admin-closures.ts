import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { parseOrThrow } from '../http/validation';
import type { ClosureImpactService } from '../services/closure-impact';

const closureParams = z.object({ id: z.string().regex(/^[a-z0-9]{10,40}$/, 'must be the id of a closure') });

const adminClosures = ({ strapi }: { strapi: Core.Strapi }) => ({
  async affected(ctx: any) {
    const { id } = parseOrThrow(closureParams, ctx.params);
    const service: ClosureImpactService = strapi.plugin('booking').service('closureImpact');
    ctx.body = { data: await service.affectedReservations(id) };
  },
});

export default adminClosures;
