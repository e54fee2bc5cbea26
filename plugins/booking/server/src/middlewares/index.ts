import cachedRead from './cached-read';
import rateLimit from './rate-limit';

export default { 'rate-limit': rateLimit, 'cached-read': cachedRead };
