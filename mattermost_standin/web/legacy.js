// The v5.x web app's DOM (mattermost-webapp): login_controller.jsx, system_users.jsx with the button below
// the list, and the react-bootstrap ConfirmModal (confirm_modal.jsx). Behaviour lives in common.js.
'use strict';

const UI = {
  revokeAllMessage: 'This action revokes all sessions in the system. All users will be logged out from all devices. ' +
    'Are you sure you want to revoke all sessions?',

  invalidCredentials: (serverMessage) => serverMessage,  // v5.x shows the server's message as is

  loginPage({sessionExpired, onDismiss, onSubmit}) {
    const loginId = h('input', {id: 'loginId', class: 'form-control', name: 'loginId', type: 'text',
      placeholder: 'Email or Username', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'off'});
    const password = h('input', {id: 'loginPassword', class: 'form-control', name: 'password', type: 'password',
      placeholder: 'Password', autocomplete: 'off'});
    const label = h('span', {}, 'Sign in');
    const submit = h('button', {id: 'loginButton', type: 'submit', class: 'btn btn-primary'}, label);
    const errorSlot = h('div', {class: 'form-group'});
    let expired = null;
    if (sessionExpired) {
      expired = h('div', {class: 'alert alert-warning'},
        h('i', {class: 'fa fa-exclamation-triangle', title: 'Warning Icon'}), ' ',
        h('span', {}, 'Your session has expired. Please log in again.'),
        h('a', {class: 'btn-close', href: '#', onclick: (e) => { e.preventDefault(); expired.remove(); onDismiss(); }},
          h('span', {}, '×')));
    }
    const view = {
      hideExpired: () => { if (expired) expired.remove(); },
      showError: (message) => {
        errorSlot.className = 'form-group has-error';
        errorSlot.replaceChildren(h('label', {class: 'control-label'}, message));
      },
      setBusy: (busy) => { label.textContent = busy ? 'Signing in...' : 'Sign in'; submit.disabled = busy; },
    };
    const form = h('form', {onsubmit: (e) => { e.preventDefault(); onSubmit(loginId.value.trim(), password.value, view); }},
      h('div', {class: 'signup__email-container'}, errorSlot,
        h('div', {class: 'form-group'}, loginId),
        h('div', {class: 'form-group'}, password),
        h('div', {class: 'form-group'}, submit)));
    return h('div', {}, h('div', {id: 'login_section', class: 'col-sm-12'},
      h('div', {class: 'signup-team__container padding--less'},
        h('div', {class: 'signup__content'},
          h('h1', {id: 'site_name'}, CFG.siteName),
          h('h4', {id: 'site_description', class: 'color--light'},
            'All team communication in one place, searchable and accessible anywhere'),
          expired, form,
          h('div', {class: 'form-group'}, h('a', {id: 'login_forgot', href: '/reset_password'},
            'I forgot my password'))))));
  },

  channelPage({user, team, channel}) {
    const link = (name, label) => h('li', {class: 'sidebar-item'},
      h('a', {id: 'sidebarItem_' + name, class: 'sidebar-link', href: '/' + team.name + '/channels/' + name},
        h('span', {class: 'sidebar-item__name'}, label)));
    return h('div', {class: 'inner-wrap'},
      h('div', {id: 'sidebar-left', class: 'sidebar--left'},
        h('div', {id: 'headerTeamName', class: 'team__name'}, team.display_name),
        h('ul', {class: 'nav nav-pills nav-stacked'}, link('off-topic', 'Off-Topic'), link('town-square', 'Town Square'))),
      h('div', {id: 'inner-wrap-webrtc', class: 'inner-wrap-section'},
        h('div', {id: 'channel_view', class: 'channel-view'},
          h('div', {id: 'channel-header', class: 'channel-header'},
            h('div', {id: 'channelHeaderTitle', class: 'channel-header__title'}, h('strong', {}, channel.display_name))),
          h('div', {id: 'post-list', class: 'post-list-holder-by-time'},
            h('p', {class: 'channel-intro'}, 'Beginning of ' + channel.display_name + ', @' + user.username)))));
  },

  consolePage({users, onRevokeAll}) {
    const rows = users.map((u, i) => h('div', {class: 'more-modal__row', 'data-testid': 'userListRow'},
      h('div', {class: 'more-modal__details', 'data-testid': 'userListItemDetails'},
        h('div', {id: 'userListRowName' + i, class: 'more-modal__name'},
          '@' + u.username + ([u.first_name, u.last_name].filter(Boolean).length ? ' - ' + [u.first_name, u.last_name].join(' ') : '')),
        h('div', {id: 'userListRowEmail' + i, class: 'more-modal__description'}, u.email)),
      h('div', {class: 'more-modal__actions', 'data-testid': 'userListItemActions'},
        h('span', {}, u.delete_at ? 'Inactive' : (isAdmin(u) ? 'System Admin' : 'Member')))));
    const search = h('input', {id: 'searchUsers', class: 'form-control filter-textbox', placeholder: 'Search users',
      oninput: () => {
        const term = search.value.toLowerCase();
        users.forEach((u, i) => { rows[i].hidden = term && !(u.username + ' ' + u.email).toLowerCase().includes(term); });
      }});
    return h('div', {class: 'wrapper--fixed'},
      h('div', {class: 'admin-console__header'}, h('span', {}, CFG.siteName + ' Users')),
      h('div', {class: 'admin-console__wrapper'}, h('div', {class: 'admin-console__content'},
        h('div', {class: 'more-modal__list member-list-holder'},
          h('div', {class: 'system-users__filter-row'},
            h('div', {class: 'system-users__filter'}, search)),
          h('div', {class: 'more-modal__list'}, rows)),
        onRevokeAll ? h('div', {class: 'pt-3 pb-3'},
          h('button', {id: 'revoke-all-users', type: 'button', class: 'btn btn-default', onclick: onRevokeAll},
            'Revoke All Sessions')) : null)));
  },

  confirmModal({title, message, confirmText, onCancel, onConfirm}) {
    return h('div', {class: 'modal-root'}, h('div', {class: 'modal-backdrop fade in'}),
      h('div', {id: 'confirmModal', class: 'modal-confirm modal fade in', role: 'dialog', tabindex: '-1',
        'aria-labelledby': 'confirmModalLabel', style: 'display: block;'},
        h('div', {class: 'modal-dialog a11y__modal'}, h('div', {class: 'modal-content', role: 'document'},
          h('div', {class: 'modal-header'}, h('h1', {id: 'confirmModalLabel', class: 'modal-title'}, title)),
          h('div', {class: 'modal-body'}, h('div', {}, h('p', {}, message))),
          h('div', {class: 'modal-footer'},
            h('button', {type: 'button', id: 'cancelModalButton', class: 'btn btn-link btn-cancel', onclick: onCancel}, 'Cancel'),
            h('button', {type: 'button', id: 'confirmModalButton', class: 'btn btn-danger', autofocus: true, onclick: onConfirm},
              confirmText))))));
  },

  revokeAllFailed(modal) {  // v5.x: logError "Can't revoke all sessions", the modal stays open
    const body = modal && modal.querySelector('.modal-body');
    if (body) body.append(h('div', {class: 'has-error'}, h('label', {class: 'control-label'}, "Can't revoke all sessions")));
  },

  errorTitle: (type) => ({team_not_found: 'Team Not Found'}[type] || 'Page not found'),

  errorPage(title, message) {
    return h('div', {class: 'container-fluid'}, h('div', {class: 'error__container'},
      h('div', {class: 'error__icon'}, h('i', {class: 'fa fa-exclamation-triangle'})),
      h('h2', {}, title), h('p', {}, message), h('a', {href: '/'}, 'Back to ' + CFG.siteName)));
  },

  selectTeamPage() {
    return h('div', {id: 'select_team_page', class: 'signup-team__container'},
      h('h4', {}, 'Select a team'), h('p', {}, 'No teams are available to join. Please ask an administrator for an invite.'));
  },
};
