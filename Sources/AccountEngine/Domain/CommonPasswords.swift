/// Passwords of 8 characters or more that lead the public breach lists, in the four languages
/// of the extranet. Compared without case, so "Password1" is refused like "password1".
enum CommonPasswords {
    static func contains(_ password: String) -> Bool {
        list.contains(password.lowercased())
    }

    private static let list: Set<String> = [
        "12345678", "123456789", "1234567890", "12345678910", "123123123", "11111111", "00000000",
        "87654321", "987654321", "11223344", "12341234", "88888888", "99999999", "01234567",
        "password", "password1", "password12", "password123", "passw0rd", "p@ssw0rd", "p@ssword",
        "qwertyui", "qwertyuiop", "qwerty123", "qwerty12", "1q2w3e4r", "1q2w3e4r5t", "1qaz2wsx",
        "azertyui", "azertyuiop", "azerty123", "qwertzui", "qwertz123", "abcd1234", "abc12345",
        "iloveyou", "sunshine", "princess", "football", "baseball", "welcome1", "welcome123",
        "letmein1", "trustno1", "superman", "starwars", "whatever", "computer", "michelle",
        "jennifer", "corvette", "mercedes", "internet", "dragon12", "monkey12", "shadow12",
        "changeme", "administrator", "admin123", "admin1234", "motdepasse", "motdepasse1",
        "soleil123", "doudou123", "loulou123", "marseille", "bonjour1", "bonjour123",
        "passwort", "passwort1", "hallo123", "schalke04", "ficken123", "qwertz12", "sommer2024",
        "contraseña", "contrasena", "contrasena1", "contraseña1", "tequiero", "teamo123",
        "barcelona", "realmadrid", "hotel123", "hotel1234", "extranet", "extranet1",
        "booking1", "booking123", "reception", "reception1",
    ]
}
