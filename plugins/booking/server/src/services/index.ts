import rooms from './rooms';

export default { rooms };
