/** The authenticated user, as handlers receive it from `@CurrentUser()`. */
export interface User {
  id: number;
  email: string;
  two_factor_enabled: boolean;
}
