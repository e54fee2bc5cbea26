import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseOrThrow } from '../http/validation';
import { roomListQuery, slugParams } from '../http/query-schemas';
import type { RoomsService } from '../services/rooms';

const rooms = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (): RoomsService => strapi.plugin('booking').service('rooms');

  return {
    async find(ctx: any) {
      const { locale } = parseOrThrow(roomListQuery, ctx.query);
      ctx.body = { data: await service().listPublic(locale) };
    },

    async findOne(ctx: any) {
      const { slug } = parseOrThrow(slugParams, ctx.params);
      const { locale } = parseOrThrow(roomListQuery, ctx.query);
      const room = await service().findPublic(slug, locale);
      if (!room) throw new errors.NotFoundError(`No published room with slug "${slug}"`);
      ctx.body = { data: room };
    },
  };
};

export default rooms;
