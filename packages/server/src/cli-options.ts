import { parseArgs } from 'node:util';

/** The development secret: printed in the docs, so anyone can sign tokens with it. Loopback only. */
export const DEV_SECRET = 'okrkit-development-secret-do-not-use-in-production';

export interface CliOptions {
  readonly command: 'serve' | 'token' | 'help';
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly databaseUrl?: string;
  readonly jwtSecret?: string;
  readonly jwksUrl?: string;
  readonly issuer?: string;
  readonly audience?: string;
  readonly corsOrigins: readonly string[];
  readonly tenant?: string;
  /** `token`: whom to sign a development token for. */
  readonly token?: { id: string; role: string; name?: string; teams?: string[]; tenant?: string; expiresIn: string };
}

export const HELP = `okrkit-server: okrkit's shared, authoritative server (PROTOCOL.md), on PostgreSQL.

Usage:
  okrkit-server [options]                  start the server
  okrkit-server token --id ID --role ROLE  print a development token (signed with the JWT secret)

With no DATABASE_URL it runs on an embedded PostgreSQL (PGlite) in --data: nothing to install.

Options (each also read from the environment variable shown):
  --host HOST            address to listen on (HOST; default 127.0.0.1, this machine only)
  --port PORT            port (PORT; default 8787)
  --data DIR             PGlite's data folder (OKRKIT_DATA; default ./.okrkit-data)
  --database-url URL     a real PostgreSQL, postgres://user:pass@host:5432/db (DATABASE_URL)
  --jwt-secret SECRET    shared secret of the HS256 tokens, 32+ characters (OKRKIT_JWT_SECRET)
  --jwks-url URL         your identity provider's JWKS instead of a secret (OKRKIT_JWKS_URL)
  --issuer ISS           accept only tokens from this issuer (OKRKIT_JWT_ISSUER)
  --audience AUD         accept only tokens for this audience (OKRKIT_JWT_AUDIENCE)
  --cors-origin ORIGIN   allow a browser page on ORIGIN to call (repeatable; OKRKIT_CORS_ORIGINS, comma-separated)
  --tenant NAME          the organisation of tokens that name none (OKRKIT_TENANT; default "default")
  -h, --help             this text

Tokens: JWTs with sub (the person's id), role (admin, member or viewer), and optionally
name, teams (a list) and tenant. Without --jwt-secret or --jwks-url, and only on a loopback
address, the server uses a development secret that is printed in the docs: anyone can sign
tokens with it. Never use it on a network.

token options: --id ID --role admin|member|viewer [--name NAME] [--teams a,b] [--expires 8h]
`;

export function readCliOptions(argv: readonly string[], env: NodeJS.ProcessEnv): CliOptions {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      data: { type: 'string' },
      'database-url': { type: 'string' },
      'jwt-secret': { type: 'string' },
      'jwks-url': { type: 'string' },
      issuer: { type: 'string' },
      audience: { type: 'string' },
      'cors-origin': { type: 'string', multiple: true },
      tenant: { type: 'string' },
      id: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      teams: { type: 'string' },
      expires: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = values.help ? 'help' : positionals[0] === 'token' ? 'token' : 'serve';
  if (positionals.length > 0 && positionals[0] !== 'token') throw new Error(`Unknown command "${positionals[0]}".`);
  const portText = values.port ?? env.PORT ?? '8787';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port: ${portText}.`);
  const cors = values['cors-origin'] ?? (env.OKRKIT_CORS_ORIGINS ?? '').split(',');
  const pick = (flag: string | undefined, name: string) => flag ?? (env[name] || undefined);
  const options: CliOptions = {
    command,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    port,
    dataDir: values.data ?? env.OKRKIT_DATA ?? '.okrkit-data',
    corsOrigins: cors.map((o) => o.trim()).filter(Boolean),
    ...optional('databaseUrl', pick(values['database-url'], 'DATABASE_URL')),
    ...optional('jwtSecret', pick(values['jwt-secret'], 'OKRKIT_JWT_SECRET')),
    ...optional('jwksUrl', pick(values['jwks-url'], 'OKRKIT_JWKS_URL')),
    ...optional('issuer', pick(values.issuer, 'OKRKIT_JWT_ISSUER')),
    ...optional('audience', pick(values.audience, 'OKRKIT_JWT_AUDIENCE')),
    ...optional('tenant', pick(values.tenant, 'OKRKIT_TENANT')),
  };
  if (command !== 'token') return options;
  if (!values.id || !values.role) throw new Error('token needs --id and --role (admin, member or viewer).');
  return {
    ...options,
    token: {
      id: values.id,
      role: values.role,
      expiresIn: values.expires ?? '8h',
      ...(values.name ? { name: values.name } : {}),
      ...(values.teams
        ? {
            teams: values.teams
              .split(',')
              .map((t) => t.trim())
              .filter(Boolean),
          }
        : {}),
      ...(options.tenant ? { tenant: options.tenant } : {}),
    },
  };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

/** Whether `host` can be reached from this machine only. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
}
