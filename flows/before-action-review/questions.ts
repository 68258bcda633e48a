// The four BAR questions, in the order the thread asks them.
import { questionFrom, type ReviewQuestion } from '../shared/question-card';

export interface BarQuestion extends ReviewQuestion {
  /** How the summary heads this question's answers. */
  heading: string;
}

export const QUESTIONS: readonly BarQuestion[] = [
  {
    prompt: 'What are we setting out to achieve? Why does it matter, who will do what, and what could get in the way?',
    hint: 'Say what a good result looks like, who is involved and any risks you can see. One point per reply.',
    heading: "What we're setting out to achieve",
  },
  {
    prompt: "What can we learn from similar work in the past, and from other people's lessons?",
    hint: "Share what you know from work like this, here or elsewhere.",
    heading: 'What we can learn from past work',
  },
  {
    prompt: 'What will help us succeed, and how will we know it has worked?',
    hint: "Think about what has helped before, and what you'd look for or measure.",
    heading: "What will help us succeed, and how we'll know",
  },
  {
    prompt: 'What will we do to avoid problems and follow good practice?',
    hint:
      'One action per reply, naming an owner and a date, for example: "@Sam check the printer queues by 12 December". ' +
      "With no name, the action is yours; with no date, it's due in two weeks.",
    heading: 'Actions',
  },
];

export const QUESTION_COUNT = QUESTIONS.length;
export const LAST_QUESTION = QUESTION_COUNT - 1;
/** Answers to this question say what the team is about to do, so they shape the recall. */
export const AIMS_QUESTION = 0;
/** Past lessons are recalled when this question is asked. */
export const LEARNING_QUESTION = 1;
/** Each answer to this question becomes an action with an owner. */
export const ACTION_QUESTION = 3;

export function questionAt(index: number): BarQuestion {
  return questionFrom(QUESTIONS, index, 'BAR');
}
