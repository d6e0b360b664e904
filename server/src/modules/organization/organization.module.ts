import { Module, type OnModuleInit } from '@nestjs/common';
import { PrincipalKind } from '@onewindow/shared';
import { PrincipalRegistry } from '../../platform/auth/principal-registry.js';
import { DepartmentService } from './department.service.js';
import {
  CenterController,
  DepartmentController,
  ServiceWindowController,
  StaffController,
} from './organization.controller.js';
import { ServiceWindowService } from './service-window.service.js';
import { StaffService } from './staff.service.js';

/** The center (its public profile), its departments, windows and staff. */
@Module({
  controllers: [CenterController, DepartmentController, ServiceWindowController, StaffController],
  providers: [DepartmentService, ServiceWindowService, StaffService],
  exports: [DepartmentService, ServiceWindowService, StaffService],
})
export class OrganizationModule implements OnModuleInit {
  constructor(
    private readonly registry: PrincipalRegistry,
    private readonly staff: StaffService,
  ) {}

  onModuleInit() {
    this.registry.register(PrincipalKind.STAFF, (id, m) => this.staff.resolvePrincipal(id, m));
  }
}

// What other modules may use of organization: its services and the SQL it publishes.
export { DepartmentService } from './department.service.js';
export { OrganizationSql } from './organization.sql.js';
export { ServiceWindowService } from './service-window.service.js';
export { StaffService } from './staff.service.js';
