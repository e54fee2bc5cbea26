import type { Context } from 'koa';

/**
 * Lets a signed-in admin user through when their role holds at least one of `config.actions`.
 * Strapi's admin::hasPermissions asks for all of them; the board serves either kind of front
 * desk work (reservations or activities), so either permission opens it.
 */
const holdsAnyPermission = (ctx: Context, config: { actions: string[] }) => {
  const ability = ctx.state.userAbility as { can(action: string): boolean } | undefined;
  return Boolean(ability) && config.actions.some((action) => ability!.can(action));
};

export default holdsAnyPermission;
