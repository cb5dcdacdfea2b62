// The newest web app's DOM (v9.x+): login.tsx + AlertBanner, AdminHeader + RevokeSessionsButton +
// AdminConsoleListTable, and ConfirmModal on GenericModal. Behaviour lives in common.js.
'use strict';

function alertBanner(mode, title, onClose) {
  const banner = h('div', {class: 'AlertBanner ' + mode + ' login-body-card-banner AlertBanner--sys'},
    h('div', {class: 'AlertBanner__icon'}, h('i', {class: mode === 'danger' ? 'icon icon-alert-outline' : 'icon icon-alert-circle-outline'})),
    h('div', {class: 'AlertBanner__body'}, h('div', {class: 'AlertBanner__title'}, title)),
    h('button', {class: 'AlertBanner__closeButton', 'aria-label': 'Close', onclick: (e) => { e.preventDefault(); banner.remove(); if (onClose) onClose(); }},
      h('i', {class: 'icon icon-close'})));
  return banner;
}

const UI = {
  revokeAllMessage: 'This action revokes all sessions in the system. All users will be logged out from all devices, ' +
    'including your session. Are you sure you want to revoke all sessions?',

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

  channelPage({user, team, channel}) {
    const link = (name, label) => h('li', {class: 'SidebarChannel'},
      h('a', {id: 'sidebarItem_' + name, class: 'SidebarLink', href: '/' + team.name + '/channels/' + name,
        'aria-label': label.toLowerCase() + ' public channel'}, h('span', {class: 'SidebarChannelLinkLabel'}, label)));
    return h('div', {class: 'main-wrapper'},
      h('div', {id: 'SidebarContainer', class: 'SidebarContainer'},
        h('div', {class: 'SidebarHeader'}, h('span', {class: 'SidebarHeaderMenuWrapper'}, team.display_name)),
        h('ul', {class: 'SidebarChannelGroup_content'}, link('off-topic', 'Off-Topic'), link('town-square', 'Town Square'))),
      h('div', {id: 'channel_view', class: 'channel-view', 'data-testid': 'channel_view'},
        h('div', {id: 'channel-header', class: 'channel-header'},
          h('button', {id: 'channelHeaderTitle', class: 'channel-header__trigger', type: 'button'},
            h('strong', {class: 'heading'}, channel.display_name))),
        h('div', {id: 'postListContent', class: 'post-list__content'},
          h('p', {class: 'channel-intro'}, 'Welcome to ' + channel.display_name + ', @' + user.username + '.'))));
  },

  consolePage({users, onRevokeAll}) {
    const header = h('div', {class: 'admin-console__header'},
      h('span', {id: 'systemUsersTable-headerId'}, CFG.siteName + ' Users'),
      // RevokeSessionsButton: no id and no type in the real component.
      onRevokeAll ? h('button', {class: 'btn btn-tertiary btn-danger', onclick: onRevokeAll}, 'Revoke All Sessions') : null);
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

  confirmModal({title, message, confirmText, onCancel, onConfirm}) {
    return h('div', {class: 'modal-root'}, h('div', {class: 'modal-backdrop fade in'}),
      h('div', {id: 'confirmModal', class: 'modal fade in', role: 'dialog', tabindex: '-1', 'aria-modal': 'true',
        'aria-labelledby': 'genericModalLabel', style: 'display: block;'},
        h('div', {class: 'modal-dialog a11y__modal GenericModal GenericModal__compassDesign ConfirmModal'},
          h('div', {class: 'modal-content', role: 'document'},
            h('div', {class: 'modal-header'},
              h('div', {class: 'GenericModal__header'}, h('h1', {id: 'genericModalLabel', class: 'modal-title'}, title)),
              h('button', {type: 'button', class: 'close', 'aria-label': 'Close', onclick: onCancel},
                h('span', {'aria-hidden': 'true'}, '×'))),
            h('div', {class: 'modal-body'}, h('div', {class: 'GenericModal__body'},
              h('div', {id: 'confirmModalBody', class: 'ConfirmModal__body'}, message))),
            h('div', {class: 'modal-footer'}, h('div', {class: 'ConfirmModal__footer'},
              h('button', {type: 'button', id: 'cancelModalButton', 'data-testid': 'cancel-button', class: 'btn btn-tertiary', onclick: onCancel}, 'Cancel'),
              h('button', {type: 'button', id: 'confirmModalButton', class: 'btn btn-danger', autofocus: true, onclick: onConfirm}, confirmText)))))));
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
