import adminClosures from './admin-closures';
import adminReservations from './admin-reservations';
import availability from './availability';
import reservations from './reservations';
import rooms from './rooms';

export default { rooms, availability, reservations, 'admin-reservations': adminReservations, 'admin-closures': adminClosures };
