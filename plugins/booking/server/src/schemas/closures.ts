import { z } from 'zod';
import { documentId } from './fields';

export const closureParams = z.object({ id: documentId('a closure') });
