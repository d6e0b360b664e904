import { ApiProperty } from '@nestjs/swagger';
import {
  type ChangePasswordRequest,
  type LoginRequest,
  type LoginResponse,
  type Principal,
  PrincipalKind,
  type RefreshRequest,
  Role,
} from '@onewindow/shared';
import { RequiredText } from '../http/validators.js';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'admin' })
  @RequiredText(64)
  login: string;

  @ApiProperty({ example: 'Demo@2026' })
  @RequiredText(128)
  password: string;
}

export class RefreshDto implements RefreshRequest {
  @ApiProperty()
  @RequiredText(256)
  refreshToken: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @RequiredText(128)
  currentPassword: string;

  @ApiProperty({ description: '至少 8 位，同时包含字母和数字' })
  @RequiredText(128)
  newPassword: string;
}

export class PrincipalDto implements Principal {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: Object.values(PrincipalKind) }) kind: PrincipalKind;
  @ApiProperty() name: string;
  @ApiProperty({ enum: Object.values(Role), isArray: true }) roles: Role[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) departmentId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) windowId: string | null;
}

export class LoginResponseDto implements LoginResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ format: 'date-time' }) accessExpiresAt: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty({ format: 'date-time' }) refreshExpiresAt: string;
  @ApiProperty({ type: PrincipalDto }) principal: PrincipalDto;
}
