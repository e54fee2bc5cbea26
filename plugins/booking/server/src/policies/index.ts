import holdsAnyPermission from './holds-any-permission';

export default { 'holds-any-permission': holdsAnyPermission };
