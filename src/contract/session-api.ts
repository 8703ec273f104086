import { z } from '@/lib/zod';

export const roles = ['admin', 'support'] as const;
export const RoleSchema = z.enum(roles);
export type Role = z.infer<typeof RoleSchema>;

export const UserSchema = z.object({ email: z.string(), name: z.string(), role: RoleSchema });
export type User = z.infer<typeof UserSchema>;

/** Body of `POST /api/session` (sign in). */
export const SignInRequestSchema = z.strictObject({
  email: z.string().check(z.trim(), z.minLength(1, 'Enter your email'), z.maxLength(254)),
  password: z.string().check(z.minLength(1, 'Enter your password'), z.maxLength(200)),
});
export type SignInRequest = z.infer<typeof SignInRequestSchema>;

/** The token goes in `Authorization: Bearer <token>` on every later request. */
export const SignInResponseSchema = z.object({ token: z.string(), user: UserSchema });
export type SignInResponse = z.infer<typeof SignInResponseSchema>;

/** `GET /api/session`: who the token belongs to. */
export const SessionResponseSchema = z.object({ user: UserSchema });

/** `DELETE /api/session` (sign out). */
export const SignOutResponseSchema = z.object({ success: z.literal(true) });
