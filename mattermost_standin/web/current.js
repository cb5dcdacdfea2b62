// The newest web app's DOM (v9.6+): login.tsx + AlertBanner + login_mfa.tsx, AdminHeader + RevokeSessionsButton +
// AdminConsoleListTable, and ConfirmModal on GenericModal (webapp/channels/src/components/confirm_modal.tsx on
// webapp/platform/components/src/generic_modal/generic_modal.tsx). Behaviour lives in common.js and first_login.js.
'use strict';

function alertBanner(mode, title, onClose) {
  const banner = h('div', {class: 'AlertBanner ' + mode + ' login-body-card-banner AlertBanner--sys'},
    h('div', {class: 'AlertBanner__icon'}, h('i', {class: mode === 'danger' ? 'icon icon-alert-outline' : 'icon icon-alert-circle-outline'})),
    h('div', {class: 'AlertBanner__body'}, h('div', {class: 'AlertBanner__title'}, title)),
    h('button', {class: 'AlertBanner__closeButton', 'aria-label': 'Close', onclick: (e) => { e.preventDefault(); banner.remove(); if (onClose) onClose(); }},
      h('i', {class: 'icon icon-close'})));
  return banner;
}

GENERATIONS.current = {
  firstLogin: 'onboarding',
  mfaCheckedFirst: false,  // login.tsx learns about MFA from the login error mfa.validate_token.authenticate.app_error
  preparingWorkspace: OnboardingDom.preparingWorkspace,
  taskList: OnboardingDom.taskList,
  channelsTourTip: OnboardingDom.channelsTourTip,
  // revoke_sessions_button/index.tsx: the v9.6+ wording (other locales keep their translation, see i18n.js).
  messages: {en: {'admin.system_users.revoke_all_sessions_modal_message': 'This action revokes all sessions in the ' +
    'system. All users will be logged out from all devices, including your session. Are you sure you want to revoke ' +
    'all sessions?'}},

  invalidCredentials: () => 'The email/username or password is invalid.',

  loginPage({sessionExpired, onDismiss, onSubmit}) {
    const loginId = h('input', {id: 'input_loginId', name: 'loginId', type: 'text', class: 'Input form-control',
      placeholder: 'Email or Username', autocomplete: 'off', 'aria-label': 'Email or Username'});
    const password = h('input', {id: 'input_password-input', name: 'password-input', type: 'password',
      class: 'Input form-control', placeholder: 'Password', 'aria-label': 'Password'});
    const submit = h('button', {id: 'saveSetting', type: 'submit',
      class: 'btn btn-primary login-body-card-form-button-submit large'}, 'Log in');
    const banners = h('div', {class: 'login-body-card-banners'});
    const expired = sessionExpired ? alertBanner('warning', 'Your session has expired. Please log in again.', onDismiss) : null;
    if (expired) banners.append(expired);
    const view = {
      hideExpired: () => { if (expired) expired.remove(); },
      showError: (title) => { banners.replaceChildren(alertBanner('danger', title)); },
      setBusy: (busy) => { submit.textContent = busy ? 'Logging in…' : 'Log in'; submit.disabled = busy; },
    };
    const form = h('form', {class: 'login-body-card-form', onsubmit: (e) => {
      e.preventDefault(); onSubmit(loginId.value.trim(), password.value, view);
    }},
      h('div', {class: 'Input_container'}, h('fieldset', {class: 'Input_fieldset'}, loginId)),
      h('div', {class: 'Input_container'}, h('fieldset', {class: 'Input_fieldset'}, password)),
      h('div', {class: 'login-body-card-form-link'}, h('a', {href: '/reset_password'}, 'Forgot your password?')),
      submit);
    return h('div', {class: 'login-body'}, h('div', {class: 'login-body-content'},
      h('div', {class: 'login-body-message'},
        h('h1', {class: 'login-body-message-title'}, 'Log in to your account'),
        h('p', {class: 'login-body-message-subtitle'}, 'Collaborate with your team in real-time')),
      h('div', {class: 'login-body-action'}, h('div', {class: 'login-body-card'},
        h('div', {class: 'login-body-card-content'},
          h('p', {class: 'login-body-card-title'}, 'Log in'), banners, form)))));
  },

  mfaPage: mfaColumnLayout,

  channelPage({user, team, channel}) {
    const link = (name, label) => h('li', {class: 'SidebarChannel'},
      h('a', {id: 'sidebarItem_' + name, class: 'SidebarLink', href: '/' + team.name + '/channels/' + name,
        'aria-label': label.toLowerCase() + ' public channel'}, h('span', {class: 'SidebarChannelLinkLabel'}, label)));
    return h('div', {class: 'main-wrapper'},
      h('div', {id: 'SidebarContainer', class: 'SidebarContainer'},
        h('div', {class: 'SidebarHeader'}, h('span', {class: 'SidebarHeaderMenuWrapper'}, team.display_name)),
        h('ul', {class: 'SidebarChannelGroup_content'}, link('off-topic', 'Off-Topic'), link('town-square', 'Town Square'))),
      h('div', {id: 'channel_view', class: 'channel-view', 'data-testid': 'channel_view'},
        mobileChannelHeader(channel),
        h('div', {id: 'channel-header', class: 'channel-header'},
          h('button', {id: 'channelHeaderTitle', class: 'channel-header__trigger', type: 'button'},
            h('strong', {class: 'heading'}, channel.display_name))),
        h('div', {id: 'postListContent', class: 'post-list__content'},
          h('p', {class: 'channel-intro'}, 'Welcome to ' + channel.display_name + ', @' + user.username + '.'))));
  },

  consolePage({users, strings, onRevokeAll}) {
    const header = h('div', {class: 'admin-console__header'},
      h('span', {id: 'systemUsersTable-headerId'}, strings.title),
      // RevokeSessionsButton: no id and no type in the real component.
      onRevokeAll ? h('button', {class: 'btn btn-tertiary btn-danger', onclick: onRevokeAll}, strings.button) : null);
    const columns = [['usernameColumn', 'User details'], ['emailColumn', 'Email'], ['createAtColumn', 'Member since'],
      ['lastLoginColumn', 'Last login'], ['actionsColumn', 'Actions']];
    const date = (ms) => (ms ? new Date(ms).toLocaleDateString('en-US', {month: 'short', day: 'numeric', year: 'numeric'}) : 'Never');
    const cells = (u) => ({
      usernameColumn: [h('div', {class: 'profilePicture'}), h('div', {class: 'displayName'},
        [u.first_name, u.last_name].filter(Boolean).join(' ') || u.username), h('div', {class: 'userName'}, u.username)],
      emailColumn: [u.email], createAtColumn: [date(u.create_at)], lastLoginColumn: [date(u.last_login_at)],
      actionsColumn: [u.delete_at ? 'Deactivated' : 'Member'],
    });
    const rows = users.map((u) => h('tr', {id: 'systemUsersTable-row-' + u.id, role: 'row', 'data-testid': 'listTableBodyRow'},
      columns.map(([col]) => h('td', {id: 'systemUsersTable-cell-' + u.id + '_' + col, 'data-testid': col}, cells(u)[col]))));
    const search = h('input', {id: 'input_searchTerm', name: 'searchTerm', type: 'text', class: 'Input form-control',
      placeholder: 'Search users', 'aria-label': 'Search users', oninput: () => {
        const term = search.value.toLowerCase();
        users.forEach((u, i) => { rows[i].hidden = term && !(u.username + ' ' + u.email).toLowerCase().includes(term); });
      }});
    return h('div', {class: 'wrapper--fixed', 'data-testid': 'systemUsersSection'}, header,
      h('div', {class: 'admin-console__wrapper'}, h('div', {class: 'admin-console__container ignore-marking'},
        h('div', {class: 'admin-console__filters-rows'},
          h('div', {class: 'system-users__filter'}, h('div', {class: 'Input_container systemUsersSearch'}, search))),
        h('table', {id: 'systemUsersTable', class: 'adminConsoleListTable systemUsersTable', 'aria-describedby': 'systemUsersTable-headerId'},
          h('caption', {class: 'sr-only'}, 'System Users'),
          h('thead', {}, h('tr', {'data-testid': 'listTableHeadRow'},
            columns.map(([col, label]) => h('th', {id: 'systemUsersTable-header-' + col}, label)))),
          h('tbody', {}, rows)),
        h('div', {class: 'adminConsoleListTabletOptionalFoot'},
          'Showing ' + (users.length ? 1 : 0) + ' - ' + users.length + ' of ' + users.length + ' users'))));
  },

  // GenericModal (compassDesign) renders ConfirmModal's children - the message AND the ConfirmModal__footer with both
  // buttons - inside .modal-body > .GenericModal__body; ConfirmModal passes no handleCancel/handleConfirm, so there
  // is no .modal-footer. The header carries react-bootstrap's close button (showCloseButton defaults to true).
  confirmModal({title, message, confirmText, cancelText, onCancel, onConfirm}) {
    const body = h('div', {id: 'confirmModalBody', class: 'ConfirmModal__body'}, message);
    // Fault hook point: a release whose modal body also held the button words would append them to `body` here.
    return h('div', {class: 'modal-root'}, h('div', {class: 'modal-backdrop fade in'}),
      h('div', {id: 'confirmModal', class: 'modal fade in', role: 'none', tabindex: '-1', 'aria-modal': 'true',
        'aria-labelledby': 'genericModalLabel', style: 'display: block;'},
        h('div', {class: 'modal-dialog a11y__modal GenericModal GenericModal__compassDesign ConfirmModal'},
          h('div', {class: 'modal-content', role: 'document'},
            h('div', {class: 'GenericModal__wrapper GenericModal__wrapper-enter-key-press-catcher', tabindex: '0'},
              h('div', {class: 'modal-header'},
                h('button', {type: 'button', class: 'close', 'aria-label': 'Close', onclick: onCancel},
                  h('span', {'aria-hidden': 'true'}, '×'), h('span', {class: 'sr-only'}, 'Close')),
                h('div', {class: 'GenericModal__header__text_container'},
                  h('div', {class: 'GenericModal__header'}, h('h1', {id: 'genericModalLabel', class: 'modal-title'}, title)))),
              h('div', {class: 'modal-body'}, h('div', {class: 'GenericModal__body padding'}, h('div', {}, body,
                h('div', {class: 'ConfirmModal__footer'},
                  h('button', {type: 'button', id: 'cancelModalButton', 'data-testid': 'cancel-button', class: 'btn btn-tertiary',
                    onclick: onCancel}, cancelText),
                  h('button', {type: 'button', id: 'confirmModalButton', class: 'btn btn-danger', autofocus: true,
                    onclick: onConfirm}, confirmText))))))))));
  },

  revokeAllFailed(modal, close) { close(); },  // newest: setShowModal(false) on failure

  errorTitle: (type) => ({team_not_found: 'Team Not Found', channel_not_found: 'Channel Not Found'}[type] || 'Page Not Found'),

  errorPage(title, message) {
    return h('div', {class: 'container-fluid'}, h('div', {class: 'error__container'},
      h('div', {class: 'error__icon'}, h('i', {class: 'icon icon-alert-outline'})),
      h('h2', {'data-testid': 'errorMessageTitle'}, h('span', {}, title)),
      h('p', {}, message), h('a', {class: 'btn btn-primary', href: '/'}, 'Back to Mattermost')));
  },

  selectTeamPage() {
    return h('div', {id: 'select_team_page', class: 'signup-team__container'},
      h('h4', {}, 'Select a team'), h('p', {}, 'No teams are available to join. Please ask an administrator for an invite.'));
  },
};

// components/login/login_mfa.tsx on ColumnLayout: the token step replaces the login card. Input widget id is
// input_<name>; SaveButton's id is saveSetting. (ColumnLayout class names: UNCONFIRMED.)
function mfaColumnLayout({onSubmit}) {
  const token = h('input', {id: 'input_token', name: 'token', type: 'text', class: 'Input form-control',
    placeholder: 'Enter MFA Token', autofocus: true});
  const submit = h('button', {id: 'saveSetting', type: 'submit',
    class: 'btn btn-primary login-mfa-form-button-submit large'}, 'Submit');
  const banners = h('div', {class: 'login-mfa-form-banners'});
  const view = {
    showError: (title) => banners.replaceChildren(alertBanner('danger', title)),
    setBusy: (busy) => { submit.textContent = busy ? 'Logging in…' : 'Submit'; submit.disabled = busy; },
  };
  const form = h('form', {class: 'login-mfa-form', onsubmit: (e) => {
    e.preventDefault(); onSubmit(token.value.trim().replace(/\s/g, ''), view);
  }}, banners, h('div', {class: 'Input_container login-mfa-form-input'}, h('fieldset', {class: 'Input_fieldset'}, token)),
  h('div', {class: 'login-mfa-form-button-container'}, submit));
  return h('div', {class: 'column-layout'}, h('div', {class: 'column-layout-content'},
    h('h1', {class: 'column-layout-title'}, 'Enter MFA Token'),
    h('p', {class: 'column-layout-message'}, "To complete the sign in process, please enter a token from your smartphone's authenticator"),
    h('div', {class: 'column-layout-extra-content'}, form)));
}
