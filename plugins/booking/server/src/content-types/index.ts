import closure from './closure';
import reservation from './reservation';
import room from './room';

export default { room, closure, reservation };
