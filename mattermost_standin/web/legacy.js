// The v5.x web app's DOM (mattermost-webapp): login_controller.jsx + login_mfa.jsx, channel_controller/channel_view
// with the v5 tutorial (components/tutorial/*), system_users.jsx with the button below the list, and the
// react-bootstrap ConfirmModal (components/confirm_modal.tsx). Behaviour lives in common.js and first_login.js.
'use strict';

GENERATIONS.legacy = {
  firstLogin: 'v5-tutorial',
  mfaCheckedFirst: true,       // login_controller.jsx calls checkMfa before logging in
  preparingWorkspace: null,    // no first-admin onboarding in v5

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
      showError: (message) => legacyError(errorSlot, message),
      setBusy: (busy) => { label.textContent = busy ? 'Signing in...' : 'Sign in'; submit.disabled = busy; },
    };
    const form = h('form', {onsubmit: (e) => { e.preventDefault(); onSubmit(loginId.value.trim(), password.value, view); }},
      h('div', {class: 'signup__email-container'}, errorSlot,
        h('div', {class: 'form-group'}, loginId),
        h('div', {class: 'form-group'}, password),
        h('div', {class: 'form-group'}, submit)));
    return legacyLoginSection(expired, form,
      h('div', {class: 'form-group'}, h('a', {id: 'login_forgot', href: '/reset_password'}, 'I forgot my password')));
  },

  // components/login/login_mfa.jsx: the token form replaces the login form inside #login_section.
  mfaPage({onSubmit}) {
    const token = h('input', {type: 'text', class: 'form-control', name: 'token', placeholder: 'MFA Token',
      spellcheck: 'false', autocomplete: 'off', autofocus: true});
    const label = h('span', {}, 'Submit');
    const submit = h('button', {type: 'submit', id: 'saveSetting', class: 'btn btn-primary'}, label);
    const errorSlot = h('div', {class: 'form-group'});
    const view = {
      showError: (message) => legacyError(errorSlot, message),
      setBusy: (busy) => { label.textContent = busy ? 'Submitting...' : 'Submit'; submit.disabled = busy; },
    };
    const form = h('form', {onsubmit: (e) => { e.preventDefault(); onSubmit(token.value.trim().replace(/\s/g, ''), view); }},
      h('div', {class: 'signup__email-container'},
        h('p', {}, "To complete the sign in process, please enter a token from your smartphone's authenticator"),
        errorSlot, h('div', {class: 'form-group'}, token), h('div', {class: 'form-group'}, submit)));
    return legacyLoginSection(null, form, null);
  },

  // channel_controller.jsx keeps #channel_view; channel_view.jsx renders #app-content with the header and posts,
  // or TutorialView (also #app-content) instead of them while the tutorial runs.
  channelPage({user, team, channel, center, tip}) {
    const link = (name, label) => h('li', {class: 'sidebar-item'},
      h('a', {id: 'sidebarItem_' + name, class: 'sidebar-link', href: '/' + team.name + '/channels/' + name},
        h('span', {class: 'sidebar-item__name'}, label)));
    const content = center || h('div', {id: 'app-content', class: 'app__content'},
      h('div', {id: 'channel-header', class: 'channel-header'},
        h('div', {id: 'channelHeaderTitle', class: 'channel-header__title'}, h('strong', {}, channel.display_name))),
      h('div', {id: 'post-list', class: 'post-list-holder-by-time'},
        h('p', {class: 'channel-intro'}, 'Beginning of ' + channel.display_name + ', @' + user.username)),
      h('div', {id: 'post-create', class: 'post-create__container'}, tip,
        h('textarea', {id: 'post_textbox', class: 'form-control custom-textarea', placeholder: 'Write to ' + channel.display_name})));
    return h('div', {id: 'channel_view', class: 'channel-view'},
      h('div', {class: 'container-fluid'},
        h('div', {id: 'sidebar-left', class: 'sidebar--left'},
          h('div', {id: 'headerTeamName', class: 'team__name'}, team.display_name),
          h('ul', {class: 'nav nav-pills nav-stacked'}, link('off-topic', 'Off-Topic'), link('town-square', 'Town Square'))),
        h('div', {id: 'inner-wrap-webrtc', class: 'inner-wrap channel__wrap'}, mobileChannelHeader(channel),
          h('div', {class: 'row main'}, content))));
  },

  // components/tutorial/tutorial_view.jsx + tutorial_intro_screens.jsx: three screens, Next / Skip Tutorial.
  tutorialIntro({townSquare, appDownloadLink, onNext, onSkip}) {
    let screen = 0;
    const steps = h('div', {class: 'tutorial__steps'});
    const circles = () => h('div', {class: 'tutorial__circles'}, [0, 1, 2].map((i) =>
      h('a', {id: 'tutorialIntroCircle' + i, href: '#', class: 'circle' + (i === screen ? ' active' : ''),
        'data-screen': String(i), onclick: (e) => { e.preventDefault(); screen = i; draw(); }})));
    const screens = [
      () => h('div', {id: 'tutorialIntroOne'}, h('h3', {}, 'Welcome to:'), h('h1', {}, 'Mattermost'),
        h('p', {}, 'Your team communication all in one place, instantly searchable and available anywhere.'),
        h('p', {}, 'Keep your team connected to help them achieve what matters most.'), circles()),
      () => h('div', {id: 'tutorialIntroTwo'}, h('h3', {}, 'How Mattermost Works:'),
        h('p', {}, 'Communication happens in public discussion channels, private channels and direct messages.'),
        h('p', {}, 'Everything is archived and searchable from any web-enabled desktop, laptop or phone.'),
        appDownloadLink ? h('span', {}, 'Install the apps for ', h('a', {id: 'appDownloadLink', href: appDownloadLink,
          target: '_blank', rel: 'noopener noreferrer'}, 'PC, Mac, iOS and Android'),
        ' for easy access and notifications on the go.') : null, circles()),
      () => h('div', {id: 'tutorialIntroThree'}, h('h3', {}, "You're all set"),
        h('p', {}, h('button', {id: 'tutorialIntroInvite', class: 'intro-links color--link style--none', type: 'button'},
          'Invite Teammates'), " when you're ready."),
        'Click "Next" to enter ' + townSquare + '. This is the first channel teammates see when they sign up. ' +
        'Use it for posting updates everyone needs to know.', circles()),
    ];
    const footer = h('div', {class: 'tutorial__footer'},
      h('button', {id: 'tutorialNextButton', class: 'btn btn-primary', onclick: () => {
        if (screen < 2) { screen += 1; draw(); } else { onNext(); }
      }}, 'Next'),
      h('a', {id: 'tutorialSkipLink', class: 'tutorial-skip', href: '#',
        onclick: (e) => { e.preventDefault(); onSkip(); }}, 'Skip Tutorial'));
    const draw = () => steps.replaceChildren(screens[screen](), footer);
    draw();
    return h('div', {id: 'app-content', class: 'app__content'}, h('div', {class: 'tutorial-steps__container'},
      h('div', {id: 'tutorialIntroContent', class: 'tutorial__content'}, steps)));
  },

  // components/tutorial/tutorial_tip.jsx step 1 (create_post "Sending Messages"): a pulsating dot that opens a
  // popover on click. Steps 2+ (channel and main-menu tips) are not rendered by the stand-in.
  postTutorialTip({onNext, onOptOut}) {
    let popover = null;
    const close = () => { if (popover) { popover.remove(); popover = null; } };
    const tip = h('div', {id: 'tipButton', class: 'tip-div tip-overlay--chat', onclick: () => {
      if (popover) return;
      popover = h('div', {},
        h('div', {class: 'tip-backdrop', onclick: (e) => { e.stopPropagation(); close(); }}),
        h('div', {class: 'tip-overlay tip-overlay--chat', role: 'tooltip', onclick: (e) => e.stopPropagation()},
          h('div', {class: 'arrow'}), h('div', {}, h('h4', {}, 'Sending Messages'),
            h('p', {}, 'Type here to write a message and press ', h('strong', {}, 'Enter'), ' to post it.'),
            h('p', {}, 'Click the ', h('strong', {}, 'Attachment'), ' button to upload an image or a file.')),
          h('div', {class: 'tutorial__footer'}, h('div', {class: 'tutorial__circles'}),
            h('div', {class: 'text-right'},
              h('button', {id: 'tipNextButton', class: 'btn btn-primary', onclick: () => { close(); onNext(); }}, 'Okay'),
              h('div', {class: 'tip-opt'}, 'Seen this before? ', h('a', {href: '#', onclick: (e) => {
                e.preventDefault(); close(); onOptOut();
              }}, 'Opt out of these tips.'))))));
      tip.append(popover);
    }}, h('img', {alt: 'Tutorial tip', class: 'tip-button', width: '35', src: 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'}));
    return tip;
  },

  // components/sidebar/sidebar_whats_new_modal on the v5 GenericModal (components/generic_modal.tsx).
  whatsNewModal({onHide}) {
    return h('div', {class: 'modal-root'}, h('div', {class: 'modal-backdrop fade in'}),
      h('div', {id: 'genericModal', class: 'modal fade in', role: 'dialog', tabindex: '-1',
        'aria-labelledby': 'genericModalLabel', style: 'display: block;'},
        h('div', {class: 'modal-dialog a11y__modal GenericModal'}, h('div', {class: 'modal-content', role: 'document'},
          h('div', {class: 'modal-header'}, h('h1', {id: 'genericModalLabel', class: 'modal-title'}, "What's new")),
          h('div', {class: 'modal-body'}, h('span', {class: 'SidebarWhatsNewModal__helpText'},
            'Create custom categories in your sidebar. Drag and drop to organize channels and categories.')),
          h('div', {class: 'modal-footer'}, h('button', {type: 'submit', class: 'GenericModal__button confirm',
            onclick: onHide}, 'Got it'))))));
  },

  consolePage({users, strings, onRevokeAll}) {
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
    // 9.4-9.5: RevokeSessionsButton in the header (no id, no type), the list unchanged.
    const inHeader = CFG.revokeButtonInHeader;
    const headerButton = onRevokeAll && inHeader
      ? h('button', {class: 'btn btn-tertiary btn-danger', onclick: onRevokeAll}, strings.button) : null;
    return h('div', {class: 'wrapper--fixed'},
      h('div', {class: 'admin-console__header'}, h('span', {}, strings.title), headerButton),
      h('div', {class: 'admin-console__wrapper'}, h('div', {class: 'admin-console__content'},
        h('div', {class: 'more-modal__list member-list-holder'},
          h('div', {class: 'system-users__filter-row'},
            h('div', {class: 'system-users__filter'}, search)),
          h('div', {class: 'more-modal__list'}, rows)),
        onRevokeAll && !inHeader ? h('div', {class: 'pt-3 pb-3'},
          h('button', {id: 'revoke-all-users', type: 'button', class: 'btn btn-default', onclick: onRevokeAll},
            strings.button)) : null)));
  },

  // v5 components/confirm_modal.tsx: .modal-body holds only the message (no id), buttons in .modal-footer.
  confirmModal(props) { return bootstrapConfirmModal(props, {}); },

  revokeAllFailed(modal) {  // v5.x - v8: logError "Can't revoke all sessions", the modal stays open
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

function legacyError(slot, message) {
  slot.className = 'form-group has-error';
  slot.replaceChildren(h('label', {class: 'control-label'}, message));
}

function legacyLoginSection(expired, form, extra) {
  return h('div', {}, h('div', {id: 'login_section', class: 'col-sm-12'},
    h('div', {class: 'signup-team__container padding--less'},
      h('div', {class: 'signup__content'},
        h('h1', {id: 'site_name'}, CFG.siteName),
        h('h4', {id: 'site_description', class: 'color--light'},
          'All team communication in one place, searchable and accessible anywhere'),
        expired, form, extra))));
}

// react-bootstrap ConfirmModal, v5 and (with bodyId/ariaModal) the v6-v9.x one: title #confirmModalLabel, the
// message alone in .modal-body, Cancel and Confirm in .modal-footer, no close button (closeButton={false}).
function bootstrapConfirmModal({title, message, confirmText, cancelText, onCancel, onConfirm}, {bodyId, ariaModal}) {
  return h('div', {class: 'modal-root'}, h('div', {class: 'modal-backdrop fade in'}),
    h('div', {id: 'confirmModal', class: 'modal-confirm modal fade in', role: 'dialog', tabindex: '-1',
      'aria-modal': ariaModal ? 'true' : null, 'aria-labelledby': 'confirmModalLabel',
      'aria-describedby': bodyId ? 'confirmModalBody' : null, style: 'display: block;'},
      h('div', {class: 'modal-dialog a11y__modal'}, h('div', {class: 'modal-content', role: 'document'},
        h('div', {class: 'modal-header'}, h('h1', {id: 'confirmModalLabel', class: 'modal-title'}, title)),
        h('div', {class: 'modal-body', id: bodyId ? 'confirmModalBody' : null}, h('div', {}, h('p', {}, message))),
        h('div', {class: 'modal-footer'},
          h('button', {type: 'button', id: 'cancelModalButton', class: 'btn btn-link btn-cancel', onclick: onCancel}, cancelText),
          h('button', {type: 'button', id: 'confirmModalButton', class: 'btn btn-danger', autofocus: true, onclick: onConfirm},
            confirmText))))));
}
