// STUB (replaced by the communities work): /cop create | tags | owner | archive.
import type { CommandService } from '../core/command-service';

export const copService: CommandService = { command: 'cop', prefix: 'cop:', handle: () => Promise.resolve({ say: [] }) };
