// What the composition root hands the Teams adapter.
import type { FormChecker } from '../../src/core/form-check';
import type { InboundHandler } from '../../src/core/inbound-handler';
import type { AddressBook } from '../../src/core/ports';
import type { Logger } from '../../src/log';

export type TeamsAppType = 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';

export interface TeamsAdapterConfig {
  /** The bot's Microsoft app id; without one, authentication is off (local testing and the Bot Framework Emulator). */
  appId?: string;
  /** Client secret; not used by a user-assigned managed identity. */
  appPassword?: string;
  /** The bot's home tenant: required for SingleTenant and UserAssignedMSI. */
  tenantId?: string;
  appType?: TeamsAppType;
  handler: InboundHandler;
  /** Each form's check, asked before a submitted form is handed on (none: every submission goes to the handler). */
  forms?: FormChecker;
  /** Where conversation references are kept, so proactive posts survive restarts and reach every replica. */
  addresses: AddressBook;
  /** Words that start a command ('aar', 'coffee', …). */
  commands: string[];
  log: Logger;
  maxBodyBytes?: number;
}
