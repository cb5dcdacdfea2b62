// The web apps from v7.0 (login page redesign: components/login/login.tsx, AlertBanner, login_mfa.tsx; onboarding
// task list) to v9.5 (before the System Console > Users redesign of v9.6): the new login page and onboarding of the
// current generation over the old console (system_users.tsx with #revoke-all-users below the list, the v5.x-v9.5
// wording) and the react-bootstrap ConfirmModal of that era (components/confirm_modal.tsx: #confirmModalLabel,
// .modal-body#confirmModalBody holding only the message, buttons in .modal-footer).
'use strict';

GENERATIONS.transitional = {
  ...GENERATIONS.current,
  messages: {},  // the old wording from i18n.js
  consolePage: GENERATIONS.legacy.consolePage,
  confirmModal: (props) => bootstrapConfirmModal(props, {bodyId: true, ariaModal: true}),
  revokeAllFailed: GENERATIONS.legacy.revokeAllFailed,
};
