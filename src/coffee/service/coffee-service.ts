// `/coffee` and its buttons and forms: routes each event to the handler that owns it.
import type { CommandService, ServiceReply } from '../../core/command-service';
import type { Inbound } from '../../core/model';
import type { Sql } from '../../store/db';
import { programmeAt, type Programme } from '../../store/coffee/programmes';
import { COFFEE_ACTIONS, COMMENT_FORM_ID, helpCard, invalidCommandCard, noProgrammeCard } from '../cards';
import { parseCoffeeCommand, type CoffeeCommand } from '../command';
import { DEFAULT_SETTINGS } from '../settings';
import { checkSetupForm, SETUP_FORM_ID } from '../setup-form';
import { channelKey, whisper, type CoffeeContext, type CoffeeEvent } from './context';
import { answer, checkComment, openComment, saveComment } from './feedback';
import { join, leave, pause, resume, status, team } from './membership';
import { openSetup, saveSetup, stats, stop } from './organising';

export const coffeeService: CommandService = {
  command: 'coffee',
  prefix: 'coffee:',
  help: helpCard,
  formChecks: { [SETUP_FORM_ID]: checkSetupForm, [COMMENT_FORM_ID]: checkComment },
  async handle(tx: Sql, event: Inbound, now: Date): Promise<ServiceReply> {
    if (event.kind !== 'command' && event.kind !== 'action' && event.kind !== 'form') return { say: [] };
    const ctx: CoffeeContext = { tx, event, from: event.from, now };
    switch (event.kind) {
      case 'command':
        return onCommand(ctx, event.text);
      case 'action':
        return onAction(ctx, event);
      case 'form':
        return onForm(ctx, event);
    }
  },
};

async function onCommand(ctx: CoffeeContext, text: string): Promise<ServiceReply> {
  const programme = await programmeAt(ctx.tx, channelKey(ctx.event.place));
  // Dates like "until 24 December" are read in the programme's time zone.
  const command = parseCoffeeCommand(text, ctx.now, programme?.settings.timeZone ?? DEFAULT_SETTINGS.timeZone);
  switch (command.verb) {
    case 'help':
      return whisper(ctx, helpCard());
    case 'invalid':
      return whisper(ctx, invalidCommandCard(command.message));
    case 'setup':
      return openSetup(ctx, programme);
    case 'status':
      return status(ctx, programme);
    default:
      return programme ? forProgramme(ctx, programme, command) : whisper(ctx, noProgrammeCard());
  }
}

function forProgramme(ctx: CoffeeContext, programme: Programme, command: Exclude<CoffeeCommand, { verb: 'help' | 'invalid' | 'setup' | 'status' }>): Promise<ServiceReply> {
  switch (command.verb) {
    case 'join':
      return join(ctx, programme);
    case 'leave':
      return leave(ctx, programme);
    case 'pause':
      return pause(ctx, programme, command.until);
    case 'resume':
      return resume(ctx, programme);
    case 'team':
      return team(ctx, programme, command.team);
    case 'stop':
      return stop(ctx, programme);
    case 'stats':
      return stats(ctx, programme);
  }
}

async function onAction(ctx: CoffeeContext, event: Extract<CoffeeEvent, { kind: 'action' }>): Promise<ServiceReply> {
  switch (event.action) {
    case COFFEE_ACTIONS.join:
    case COFFEE_ACTIONS.leave: {
      const programme = await programmeAt(ctx.tx, channelKey(event.place));
      if (!programme) return whisper(ctx, noProgrammeCard());
      return event.action === COFFEE_ACTIONS.join ? join(ctx, programme) : leave(ctx, programme);
    }
    case COFFEE_ACTIONS.met:
      return answer(ctx, event.value);
    case COFFEE_ACTIONS.comment:
      return openComment(ctx, event.value);
    default:
      return { say: [] };
  }
}

async function onForm(ctx: CoffeeContext, event: Extract<CoffeeEvent, { kind: 'form' }>): Promise<ServiceReply> {
  if (event.form === SETUP_FORM_ID) return saveSetup(ctx, event.fields);
  if (event.form === COMMENT_FORM_ID) return saveComment(ctx, event.fields);
  return { say: [] };
}
