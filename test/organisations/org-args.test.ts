// `mobilise org …` arguments: the ODS code's shape, and each mistake named before the database is opened.
import { readJoin, readList, readRegister, type OrgCommand } from '../../src/organisations/org-args';
import { odsCodeSchema } from '../../src/organisations/ods-code';
import { UsageError } from '../../src/usage-error';

const READERS: Record<string, (args: string[]) => OrgCommand> = { register: readRegister, join: readJoin, list: readList };

/** `org <command> …` as the dispatcher hands it on: the command's reader gets the words after its name. */
function readOrgArgs([command = '', ...rest]: string[]): OrgCommand {
  const read = READERS[command];
  if (read === undefined) throw new Error(`no org command ${command}`);
  return read(rest);
}

const refusal = (args: string[]): string => {
  try {
    readOrgArgs(args);
  } catch (err) {
    if (err instanceof UsageError) return err.message;
    throw err;
  }
  throw new Error(`${args.join(' ')} was accepted`);
};

describe('ODS codes', () => {
  it.each(['RXH', 'RJ1', 'A81001', 'FVR79', '8HA03', 'K81003001', ' rxh '])('accepts %j', (code) => {
    expect(odsCodeSchema.safeParse(code).success).toBe(true);
  });

  it('writes a code in capitals, without spaces around it', () => {
    expect(odsCodeSchema.parse(' rj1 ')).toBe('RJ1');
  });

  it.each(['', 'R', 'RX', 'RXH-01', 'R H', 'K810030011', 'RXÉ'])('refuses %j', (code) => {
    expect(odsCodeSchema.safeParse(code).success).toBe(false);
  });
});

describe('reading mobilise org arguments', () => {
  it('reads a registration, with and without an ODS code', () => {
    expect(readOrgArgs(['register', '--name', ' Royal Example NHS Trust ', '--ods', 'rxh'])).toEqual({ kind: 'register', name: 'Royal Example NHS Trust', odsCode: 'RXH' });
    expect(readOrgArgs(['register', '--name', 'Hospice at Home'])).toEqual({ kind: 'register', name: 'Hospice at Home' });
    expect(readOrgArgs(['register', '--name', 'Highland Board', '--holidays', 'scotland'])).toEqual({ kind: 'register', name: 'Highland Board', holidays: 'scotland' });
  });

  it('reads a join of a Slack workspace or a Teams team', () => {
    expect(readOrgArgs(['join', 'RXH', '--slack-workspace', 'T0123ABCD'])).toEqual({ kind: 'join', organisation: 'RXH', scope: { platform: 'slack', id: 'T0123ABCD' } });
    expect(readOrgArgs(['join', 'org:RXH', '--teams-team', '19:abc-def@thread.tacv2'])).toEqual({
      kind: 'join',
      organisation: 'org:RXH',
      scope: { platform: 'teams', id: '19:abc-def@thread.tacv2' },
    });
  });

  it('names each mistake', () => {
    expect(refusal(['register', '--ods', 'RXH'])).toMatch(/needs --name/);
    expect(refusal(['register', '--name', '  '])).toMatch(/--name cannot be empty/);
    expect(refusal(['register', '--name', 'Trust', '--ods', 'R-1'])).toMatch(/an ODS code is 3 to 9 letters or digits/);
    expect(refusal(['join', '--slack-workspace', 'T0123'])).toMatch(/needs the organisation to join/);
    expect(refusal(['join', 'RXH'])).toMatch(/one of --slack-workspace or --teams-team/);
    expect(refusal(['join', 'RXH', '--slack-workspace', 'T0123', '--teams-team', '19:a@thread.tacv2'])).toMatch(/one of --slack-workspace or --teams-team/);
    expect(refusal(['join', 'RXH', '--slack-workspace', 'my-workspace'])).toMatch(/Slack workspace id such as T0123ABCD/);
    expect(refusal(['join', 'RXH', '--teams-team', '72f988bf-86f1-41af-91ab-2d7cd011db47'])).toMatch(/Teams team id such as 19:/);
    expect(refusal(['list', 'everything'])).toMatch(/Unexpected "everything"/);
    expect(refusal(['register', '--name', 'Trust', '--colour', 'blue'])).toMatch(/--colour/);
    expect(refusal(['register', '--name', 'Trust', '--holidays', 'wales'])).toBe('--holidays must be one of england-and-wales, scotland, northern-ireland');
  });
});
