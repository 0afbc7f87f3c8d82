import request from 'supertest';
import { useTestApp } from '../test-helpers';

const context = useTestApp();

describe('a server without a token', () => {
  it.each(['localhost:3000', '127.0.0.1:3000', '127.0.0.1', '[::1]:3000', 'LOCALHOST', '127.1.2.3:80'])(
    'answers a request for %s',
    async (host) => {
      await request(context.app).get('/api/documents').set('Host', host).expect(200);
    },
  );

  it.each([
    'attacker.example:3000',
    'localhost.attacker.example',
    '192.168.1.10:3000',
    '',
    '127.0.0.1.nip.io',
  ])(
    'refuses a request for %j: a name pointed at this machine by someone else (DNS rebinding)',
    async (host) => {
      const response = await request(context.app).get('/api/documents').set('Host', host);
      expect(response.status).toBe(403);
      expect(response.body.error).toMatch(/^this Galley answers only to localhost/);
    },
  );
});
