// The web apps from v7.0 (login page redesign: components/login/login.tsx, AlertBanner, login_mfa.tsx; onboarding
// task list) to v9.5 (before the System Console > Users redesign of v9.6): the new login page and onboarding of the
// current generation over the old console (system_users.tsx with #revoke-all-users below the list and the v5.x
// wording; from 9.4 the header button and the current wording over the same list) and the react-bootstrap ConfirmModal of that era (components/confirm_modal.tsx: #confirmModalLabel,
// .modal-body#confirmModalBody holding only the message, buttons in .modal-footer).
'use strict';

GENERATIONS.transitional = {
  ...GENERATIONS.current,
  // The old wording from i18n.js; 9.4-9.5 (the header button) already have the current one.
  messages: CFG.revokeButtonInHeader ? GENERATIONS.current.messages : {},
  consolePage: GENERATIONS.legacy.consolePage,
  confirmModal: (props) => bootstrapConfirmModal(props, {bodyId: true, ariaModal: true}),
  revokeAllFailed: GENERATIONS.legacy.revokeAllFailed,
};
