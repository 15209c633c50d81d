/// Every string the engine's pages and e-mails show. Each locale's catalog
/// (`Catalog+fr.swift`, …) must define every key; `Catalog.missingKeys` lists gaps and a test
/// keeps it empty. Texts may hold `{placeholders}` filled by ``Catalog/callAsFunction(_:_:)``.
enum TextKey: String, CaseIterable, Sendable {
    // Layout
    case siteName, home, account, signOut, languages, mainMenu
    // Sign-in and help
    case signInTitle, usernameLabel, passwordLabel, signInButton, signInFailed
    case cantSignIn, cantSignInIntro, forgotPassword, forgotUsername
    case forgotPasswordIntro, confirm, resetSentTitle, resetSentBody
    case confirmEmailTitle, confirmEmailBody, confirmEmailButton
    case resetTitle, newPassword, confirmNewPassword, save, passwordRules
    case linkInvalidTitle, linkInvalidBody, resetDone, signedOut
    case supportTitle, supportBody
    // Errors
    case errorCurrentPassword, errorMismatch, errorTooShort, errorTooLong, errorCommon
    case formExpiredTitle, formExpiredBody, notFoundTitle, notFoundBody, forbiddenTitle, forbiddenBody
    case unavailableTitle, unavailableBody, crossSiteTitle, crossSiteBody
    // Home and account
    case welcome, yourProperties, propertyID, noProperties
    case accountTitle, changePassword, manageUsers, changeEmail, currentPassword, passwordChanged
    case changeEmailSupport, changeEmailNewUser, contactSupport
    // Users
    case usersTitle, addUser, addUserIntro, newUser, existingUser, manage, deleteUser
    case columnName, columnUsername, columnEmail, columnStatus, columnActions
    case statusActive, statusInvited, statusLocked, administrator
    case nameLabel, emailLabel, nextStepRights, accessRightsTitle, accessRightsIntro, sendInvitation
    case propertyIDLabel, viewAccessRights, invitationSent, userDeleted
    case rightReservations, rightRates, rightFinance, rightAdministration
    case errorNameRequired, errorEmailInvalid, errorEmailInUse, errorNoRights
    case errorUnknownProperty, errorUnknownUser, errorAlreadyMember, errorDeleteSelf, errorLastAdmin
    case userRights, rightsSaved, errorLastAdminRights
    // Invitations
    case invitationTitle, invitationIntro, invitationUsername, acceptInvitation, invitationAccepted
    case invitationOtherSession
    // E-mails
    case mailResetSubject, mailResetBody, mailInviteSubject, mailInviteBody
    case mailPasswordChangedSubject, mailPasswordChangedBody
}
