// ChatPort for Slack over the Web API: post, update, whisper, direct, group DMs, forms and message links.
import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { Card, FormSpec } from '../../src/core/card';
import type { Person, Place } from '../../src/core/model';
import { PlaceUnavailable, Refused, type ChatPort, type NamedRef, type SendOptions } from '../../src/core/ports';
import { renderCard } from './blocks';
import { openGroupDm } from './group-dm';
import { findByIdempotencyKey, idempotencyMetadata } from './idempotency';
import { renderModal } from './modal';
import { CHANNEL_REFUSALS, translated } from './web-api-errors';

const postedSchema = z.object({ ts: z.string().min(1) });
const permalinkSchema = z.object({ permalink: z.url() });

/** The Slack ChatPort, with the optional methods Slack always has. */
export interface SlackChat extends ChatPort {
  /** 1 to 8 people of one workspace; a refusal (e.g. a deactivated account) is PlaceUnavailable. */
  openGroup(people: Person[]): Promise<Place>;
  openForm(trigger: string, place: Place, form: FormSpec): Promise<void>;
  /** Permalink of a posted message (e.g. a thread parent), or undefined when Slack has none for it. */
  link(ref: NamedRef): Promise<string | undefined>;
  findSent(place: Place, idempotencyKey: string, since: Date): Promise<NamedRef | undefined>;
}

/** Every method throws RetryLater when Slack rate-limits it; the WebClient itself never waits. */
export function createSlackChat(client: webApi.WebClient): SlackChat {
  return {
    async post(place: Place, card: Card, options: SendOptions = {}): Promise<NamedRef> {
      const metadata = options.idempotencyKey === undefined ? {} : { metadata: idempotencyMetadata(options.idempotencyKey) };
      const result = await translated(
        client.chat.postMessage({ channel: place.channel, ...threadOf(place), ...renderCard(card), ...metadata }),
        CHANNEL_REFUSALS,
      );
      return { place, id: postedSchema.parse(result).ts };
    },

    async update(ref: NamedRef, card: Card): Promise<void> {
      await translated(client.chat.update({ channel: ref.place.channel, ts: ref.id, ...renderCard(card) }), CHANNEL_REFUSALS);
    },

    async whisper(place: Place, to: Person, card: Card): Promise<void> {
      await translated(
        client.chat.postEphemeral({ channel: place.channel, user: to.id, ...threadOf(place), ...renderCard(card) }),
        CHANNEL_REFUSALS,
      );
    },

    async direct(to: Person, card: Card): Promise<void> {
      // A user id as the channel posts in the app's own direct-message tab with that person.
      // No refusals: a person we cannot reach must not close the run that tried to reach them.
      await translated(client.chat.postMessage({ channel: to.id, ...renderCard(card) }));
    },

    findSent(place: Place, idempotencyKey: string, since: Date): Promise<NamedRef | undefined> {
      return findByIdempotencyKey(client, place, idempotencyKey, since);
    },

    openGroup(people: Person[]): Promise<Place> {
      return openGroupDm(client, people);
    },

    async openForm(trigger: string, place: Place, form: FormSpec): Promise<void> {
      await translated(client.views.open({ trigger_id: trigger, view: renderModal(place, form) }));
    },

    async link(ref: NamedRef): Promise<string | undefined> {
      try {
        const result = await translated(client.chat.getPermalink({ channel: ref.place.channel, message_ts: ref.id }));
        return permalinkSchema.parse(result).permalink;
      } catch (error) {
        // Slack answering "no such message" is an answer; a network failure or a rate limit is not.
        if (error instanceof Refused || error instanceof PlaceUnavailable) return undefined;
        throw error;
      }
    },
  };
}

function threadOf(place: Place): { thread_ts?: string } {
  return place.thread === undefined ? {} : { thread_ts: place.thread };
}
