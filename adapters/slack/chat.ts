// ChatPort for Slack over the Web API: post, update, whisper, open a form, and find a message's link.
import { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { Card, FormSpec } from '../../src/core/card';
import type { Person, Place } from '../../src/core/model';
import { PlaceUnavailable, type ChatPort, type PostedRef } from '../../src/core/ports';
import { renderCard } from './blocks';
import { renderModal } from './modal';

const postedSchema = z.object({ ts: z.string().min(1) });
const permalinkSchema = z.object({ permalink: z.url() });

/** The Slack ChatPort, with the optional methods Slack always has. */
export interface SlackChat extends ChatPort {
  openForm(trigger: string, place: Place, form: FormSpec): Promise<void>;
  /** Permalink of a posted message (e.g. a thread parent), or undefined when Slack has none for it. */
  link(ref: PostedRef): Promise<string | undefined>;
}

export function createSlackChat(client: webApi.WebClient): SlackChat {
  return {
    async post(place: Place, card: Card): Promise<PostedRef> {
      const result = await refusals(client.chat.postMessage({ channel: place.channel, ...threadOf(place), ...renderCard(card) }));
      return { place, id: postedSchema.parse(result).ts };
    },

    async update(ref: PostedRef, card: Card): Promise<void> {
      await refusals(client.chat.update({ channel: ref.place.channel, ts: ref.id, ...renderCard(card) }));
    },

    async whisper(place: Place, to: Person, card: Card): Promise<void> {
      await refusals(client.chat.postEphemeral({ channel: place.channel, user: to.id, ...threadOf(place), ...renderCard(card) }));
    },

    async direct(to: Person, card: Card): Promise<void> {
      // A user id as the channel posts in the app's own direct-message tab with that person.
      await client.chat.postMessage({ channel: to.id, ...renderCard(card) });
    },

    async openForm(trigger: string, place: Place, form: FormSpec): Promise<void> {
      await client.views.open({ trigger_id: trigger, view: renderModal(place, form) });
    },

    async link(ref: PostedRef): Promise<string | undefined> {
      try {
        const result = await client.chat.getPermalink({ channel: ref.place.channel, message_ts: ref.id });
        return permalinkSchema.parse(result).permalink;
      } catch (error) {
        // Slack answering "no such message" is an answer; a network failure is not.
        if (isPlatformError(error)) return undefined;
        throw error;
      }
    },
  };
}

function threadOf(place: Place): { thread_ts?: string } {
  return place.thread === undefined ? {} : { thread_ts: place.thread };
}

function isPlatformError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === webApi.ErrorCode.PlatformError;
}

/** Slack's answers that mean "never in this channel", as opposed to a passing failure. */
const CHANNEL_REFUSALS = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action', 'cannot_reply_to_message']);

async function refusals<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    const code = isPlatformError(error) ? platformErrorCode(error) : undefined;
    if (code !== undefined && CHANNEL_REFUSALS.has(code)) throw new PlaceUnavailable(code);
    throw error;
  }
}

function platformErrorCode(error: unknown): string | undefined {
  const parsed = z.object({ data: z.object({ error: z.string() }) }).safeParse(error);
  return parsed.success ? parsed.data.data.error : undefined;
}
