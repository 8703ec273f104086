import { http } from 'msw';
import { SignInRequestSchema, type SignInResponse } from '@/contract/session-api';
import type { MockBackend } from '../backend/mock-backend';
import { apiRoute, errorResponse, jsonResponse, parseJsonBody, publicRoute } from './http-helpers';

/** `POST /api/session` (sign in), `GET /api/session` (who am I), `DELETE /api/session` (sign out). */
export function sessionHandlers(backend: MockBackend) {
  return [
    http.post(
      '*/api/session',
      publicRoute(backend, 'signIn', async ({ request }) => {
        const body = await parseJsonBody(request, SignInRequestSchema);
        if (!body.ok) return body.response;
        const session = backend.signIn(body.data.email, body.data.password);
        // One answer for an unknown email and a wrong password: the form must not reveal who has an account.
        if (!session)
          return errorResponse(401, 'INVALID_CREDENTIALS', 'That email and password do not match an account');
        return jsonResponse(session satisfies SignInResponse);
      }),
    ),
    http.get(
      '*/api/session',
      apiRoute(backend, 'getSession', 'signedIn', ({ user }) => jsonResponse({ user })),
    ),
    http.delete(
      '*/api/session',
      apiRoute(backend, 'signOut', 'signedIn', ({ request }) => {
        backend.signOut(request.headers.get('authorization'));
        return jsonResponse({ success: true });
      }),
    ),
  ];
}
