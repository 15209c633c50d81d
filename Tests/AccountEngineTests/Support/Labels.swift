/// The UI labels the articles of each locale write in bold, and the `field:` labels of each
/// phrasebook (copied from content/<locale>/; the engine itself never reads them). The walk
/// tests find every control by these texts, as the procedure checker will.
struct Labels: Sendable {
    var signInButton: String
    var account: String
    var changePassword: String
    var currentPassword: String
    var newPassword: String
    var confirmNewPassword: String
    var save: String
    var cantSignIn: String
    var forgotPassword: String
    var username: String
    var confirm: String
    var yesCreatePassword: String
    var forgotUsername: String
    var manageUsers: String
    var addUser: String
    var newUser: String
    var name: String
    var email: String
    var nextStep: String
    var sendInvitation: String
    var manage: String
    var deleteUser: String
    var existingUser: String
    var propertyID: String
    var viewAccessRights: String
    var acceptInvitation: String

    static let all: [String: Labels] = [
        "fr": Labels(
            signInButton: "Se connecter", account: "Compte", changePassword: "Modifier le mot de passe",
            currentPassword: "Mot de passe actuel", newPassword: "Nouveau mot de passe",
            confirmNewPassword: "Confirmer le nouveau mot de passe", save: "Enregistrer",
            cantSignIn: "Vous ne parvenez pas à vous connecter ?", forgotPassword: "Mot de passe oublié ?",
            username: "Nom d'utilisateur", confirm: "Confirmer", yesCreatePassword: "Oui, créer mon mot de passe",
            forgotUsername: "Vous avez oublié votre nom d'utilisateur ?",
            manageUsers: "Ajouter et gérer des utilisateurs", addUser: "Ajouter un utilisateur",
            newUser: "Nouvel utilisateur", name: "Nom", email: "Adresse e-mail",
            nextStep: "Étape suivante : configuration des droits d'accès", sendInvitation: "Envoyer l'invitation",
            manage: "Gérer", deleteUser: "Supprimer l'utilisateur", existingUser: "Utilisateur existant",
            propertyID: "Identifiant de l'établissement", viewAccessRights: "Voir les droits d'accès",
            acceptInvitation: "Accepter l'invitation"
        ),
        "en": Labels(
            signInButton: "Sign in", account: "Account", changePassword: "Change password",
            currentPassword: "Current password", newPassword: "New password", confirmNewPassword: "Confirm new password",
            save: "Save", cantSignIn: "Can't sign in?", forgotPassword: "Forgot password?", username: "Username",
            confirm: "Confirm", yesCreatePassword: "Yes, create my password", forgotUsername: "Forgot your username?",
            manageUsers: "Add and manage users", addUser: "Add user", newUser: "New user", name: "Name",
            email: "Email address", nextStep: "Next step: set up access rights", sendInvitation: "Send invitation",
            manage: "Manage", deleteUser: "Delete user", existingUser: "Existing user", propertyID: "Property ID",
            viewAccessRights: "View access rights", acceptInvitation: "Accept invitation"
        ),
        "de": Labels(
            signInButton: "Anmelden", account: "Konto", changePassword: "Passwort ändern",
            currentPassword: "Aktuelles Passwort", newPassword: "Neues Passwort",
            confirmNewPassword: "Neues Passwort bestätigen", save: "Speichern", cantSignIn: "Probleme bei der Anmeldung?",
            forgotPassword: "Passwort vergessen?", username: "Benutzername", confirm: "Bestätigen",
            yesCreatePassword: "Ja, mein Passwort erstellen", forgotUsername: "Benutzername vergessen?",
            manageUsers: "Benutzer hinzufügen und verwalten", addUser: "Benutzer hinzufügen", newUser: "Neuer Benutzer",
            name: "Name", email: "E-Mail-Adresse", nextStep: "Nächster Schritt: Zugriffsrechte festlegen",
            sendInvitation: "Einladung senden", manage: "Verwalten", deleteUser: "Benutzer löschen",
            existingUser: "Bestehender Benutzer", propertyID: "Unterkunfts-ID",
            viewAccessRights: "Zugriffsrechte anzeigen", acceptInvitation: "Einladung annehmen"
        ),
        "es": Labels(
            signInButton: "Iniciar sesión", account: "Cuenta", changePassword: "Cambiar contraseña",
            currentPassword: "Contraseña actual", newPassword: "Nueva contraseña",
            confirmNewPassword: "Confirmar nueva contraseña", save: "Guardar", cantSignIn: "¿No puede iniciar sesión?",
            forgotPassword: "¿Olvidó su contraseña?", username: "Nombre de usuario", confirm: "Confirmar",
            yesCreatePassword: "Sí, crear mi contraseña", forgotUsername: "¿Olvidó su nombre de usuario?",
            manageUsers: "Añadir y gestionar usuarios", addUser: "Añadir usuario", newUser: "Nuevo usuario",
            name: "Nombre", email: "Dirección de correo electrónico",
            nextStep: "Siguiente paso: configurar derechos de acceso", sendInvitation: "Enviar invitación",
            manage: "Gestionar", deleteUser: "Eliminar usuario", existingUser: "Usuario existente",
            propertyID: "ID del alojamiento", viewAccessRights: "Ver derechos de acceso",
            acceptInvitation: "Aceptar invitación"
        ),
    ]

    static subscript(_ locale: String) -> Labels {
        all[locale] ?? all["fr"]!
    }
}

extension Labels {
    /// The access rights' checkbox labels of each locale, in the engine's order (reservations,
    /// rates, finance, administration), as the articles name them.
    static let rights: [String: [String]] = [
        "fr": ["Réservations", "Tarifs et disponibilités", "Finances", "Administration du compte"],
        "en": ["Reservations", "Rates and availability", "Finance", "Account administration"],
        "de": ["Buchungen", "Preise und Verfügbarkeit", "Finanzen", "Kontoverwaltung"],
        "es": ["Reservas", "Tarifas y disponibilidad", "Finanzas", "Administración de la cuenta"],
    ]
}
