import { AppError } from '../domain/index.js';
import type { StoreErrorCode } from './port.js';

/**
 * Raised by the adapters. `invalid` covers input the database would refuse (an event
 * participant pointing at an entity key the extraction does not define, an unknown id
 * in a merge); `unavailable` means the database could not be opened or reached.
 */
export class StoreError extends AppError<StoreErrorCode> {}
