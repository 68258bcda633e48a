// What the sandbox says about itself, kept apart so the wording is easy to find and change.

export function welcomeText(speaker: string, others: string[]): string[] {
  const suggested = others.length > 0 ? ` (try /as ${others.join(' or /as ')})` : '';
  return [
    'Welcome to the Mobilise sandbox.',
    'This is a pretend chat channel called #general, running on your computer. Nothing is sent anywhere.',
    `You are ${speaker}, the facilitator. Switch to another person with /as <name>${suggested},`,
    'so you can play the whole team.',
    'To start an After Action Review, type: /aar Go-live of e-prescribing on Ward 7',
    'Type /help to see every sandbox command.',
  ];
}

export function helpText(): string[] {
  return [
    'Sandbox commands:',
    '  /aar <title>              start an After Action Review (any other /command goes to Mobilise too)',
    '  /bar <what you will do>   start a Before Action Review, with lessons from similar past work',
    '  /cop create <name> #tag   make this channel a community of practice (/cop help lists the rest)',
    '  /coffee setup | join | …  Randomised Coffee Trials in this channel (/coffee help lists them)',
    '  <text>                    say something in the current thread, or the channel if no thread is open',
    '  <number>                  press that button on the latest card, e.g. 1',
    '  /press <message> <n>      press button n on an earlier card, e.g. /press 3 2',
    '  /as <name>                speak as someone else, e.g. /as Sam',
    '  /thread                   list threads; /thread <number> goes into one',
    '  /channel                  leave the thread and talk in the channel',
    '  /edit <number> <text>     change one of your messages',
    '  /delete <number>          delete one of your messages',
    '  /lessons                  show the lessons saved in the library',
    '  /lessons <words>          search the library, e.g. /lessons printer queue #handover',
    '  /later <n> days|weeks     move the sandbox clock on, so rounds, reminders and digests happen now',
    '  /cancel                   close a form without sending it',
    '  /help                     show this list',
    '  /quit                     leave the sandbox',
  ];
}
