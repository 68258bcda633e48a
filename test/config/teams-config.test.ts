// The Teams variables: an app id turns Teams on with authentication; MOBILISE_TEAMS_NO_AUTH turns it on without.
import { ConfigError, loadConfig } from '../../src/config';

const APP_ID = '0f5c3a43-8d1e-4c49-9a8b-2f6d9e7c1b20';
const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const SECRET = 'client~secret.value';

function configError(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig for Teams', () => {
  it('leaves Teams off when nothing is set', () => {
    expect(loadConfig({}).teams).toBeUndefined();
  });

  it('runs a single-tenant bot by default, with its secret and tenant', () => {
    const config = loadConfig({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: SECRET, MICROSOFT_APP_TENANT_ID: TENANT_ID });
    expect(config.teams).toEqual({ auth: true, appId: APP_ID, appType: 'SingleTenant', appPassword: SECRET, tenantId: TENANT_ID });
    expect(config.logLevel).toBe('info');
  });

  it('accepts a multi-tenant bot without a tenant, and a managed identity without a secret', () => {
    expect(loadConfig({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: SECRET, MICROSOFT_APP_TYPE: 'MultiTenant' }).teams).toEqual({
      auth: true,
      appId: APP_ID,
      appType: 'MultiTenant',
      appPassword: SECRET,
    });
    expect(loadConfig({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_TENANT_ID: TENANT_ID, MICROSOFT_APP_TYPE: 'UserAssignedMSI' }).teams).toMatchObject({
      auth: true,
      appType: 'UserAssignedMSI',
    });
  });

  it('runs Teams without authentication only when asked, and only without an app id', () => {
    expect(loadConfig({ MOBILISE_TEAMS_NO_AUTH: 'true' }).teams).toEqual({ auth: false });
    expect(loadConfig({ MOBILISE_TEAMS_NO_AUTH: 'false' }).teams).toBeUndefined();
    expect(configError({ MOBILISE_TEAMS_NO_AUTH: 'true', MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: SECRET, MICROSOFT_APP_TENANT_ID: TENANT_ID })).toMatch(
      /^MOBILISE_TEAMS_NO_AUTH must not be true when MICROSOFT_APP_ID is set/,
    );
    expect(configError({ MOBILISE_TEAMS_NO_AUTH: 'yes' })).toBe('MOBILISE_TEAMS_NO_AUTH must be true or false');
  });

  it('runs Slack and Teams side by side', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123456', MOBILISE_TEAMS_NO_AUTH: 'true' });
    expect(config.slack?.mode).toBe('http');
    expect(config.teams).toEqual({ auth: false });
  });

  it('names the variable that is wrong, in one line', () => {
    const messages = [
      configError({ MICROSOFT_APP_ID: 'mobilise-bot' }),
      configError({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_TENANT_ID: TENANT_ID }),
      configError({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: SECRET }),
      configError({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: SECRET, MICROSOFT_APP_TENANT_ID: 'contoso' }),
      configError({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: SECRET, MICROSOFT_APP_TYPE: 'Single' }),
      configError({ MICROSOFT_APP_PASSWORD: SECRET }),
      configError({ MICROSOFT_APP_TENANT_ID: TENANT_ID }),
    ];
    expect(messages).toEqual([
      expect.stringMatching(/^MICROSOFT_APP_ID must be the Azure Bot's Microsoft app id, a GUID$/),
      expect.stringMatching(/^MICROSOFT_APP_PASSWORD is required for a SingleTenant bot/),
      expect.stringMatching(/^MICROSOFT_APP_TENANT_ID is required for a SingleTenant bot/),
      expect.stringMatching(/^MICROSOFT_APP_TENANT_ID must be a Microsoft Entra tenant id/),
      expect.stringMatching(/^MICROSOFT_APP_TYPE must be one of SingleTenant, MultiTenant, UserAssignedMSI$/),
      'MICROSOFT_APP_ID is required when MICROSOFT_APP_PASSWORD is set',
      'MICROSOFT_APP_ID is required when MICROSOFT_APP_TENANT_ID is set',
    ]);
    for (const message of messages) expect(message).not.toContain('\n');
  });

  it('treats blank variables as unset', () => {
    expect(loadConfig({ MICROSOFT_APP_ID: '', MICROSOFT_APP_PASSWORD: ' ', MOBILISE_TEAMS_NO_AUTH: '' }).teams).toBeUndefined();
  });
});
