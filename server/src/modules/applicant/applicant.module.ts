import { Module, type OnModuleInit } from '@nestjs/common';
import { PrincipalKind } from '@onewindow/shared';
import { PrincipalRegistry } from '../../platform/auth/principal-registry.js';
import { ApplicantController } from './applicant.controller.js';
import { ApplicantService } from './applicant.service.js';

/** Citizens and legal persons who apply on the portal. */
@Module({
  controllers: [ApplicantController],
  providers: [ApplicantService],
  exports: [ApplicantService],
})
export class ApplicantModule implements OnModuleInit {
  constructor(
    private readonly registry: PrincipalRegistry,
    private readonly applicants: ApplicantService,
  ) {}

  onModuleInit() {
    this.registry.register(PrincipalKind.APPLICANT, (id, m) => this.applicants.resolvePrincipal(id, m));
  }
}
export { ApplicantService } from './applicant.service.js';
