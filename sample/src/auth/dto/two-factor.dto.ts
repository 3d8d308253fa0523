import { IsString, Matches, MaxLength } from 'class-validator';

export class TwoFactorDto {
  /** The token `POST /auth/login` returned. */
  @IsString()
  @MaxLength(200)
  token: string;

  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits your authenticator app shows' })
  code: string;
}
