/// Words too common to find anything with, per language, folded as the index folds them
/// (lowercase, no accents): they are neither indexed nor looked up. Short lists, in the
/// spirit of Snowball's own stop lists: articles, pronouns, prepositions, auxiliaries.
enum SearchStopWords {
    static func words(forLocale locale: String) -> Set<String> {
        let language = locale.split(separator: "-").first.map { $0.lowercased() } ?? locale
        return lists[language].map { Set($0.split(separator: " ").map(String.init)) } ?? []
    }

    private static let lists: [String: String] = [
        "fr": """
            a au aux avec ce ces cet cette dans de des du elle en est et etre eu il ils je la le les leur leurs \
            lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses si son sont \
            sur ta te tes toi ton tu un une vos votre vous y c d j l m n s t ete sera etes ai as avons avez ont
            """,
        "en": """
            a an and are as at be been but by can do does for from had has have he her his how i if in into is \
            it its me my no not of on or our she so than that the their them then there these they this to was \
            we were what when where which who will with you your
            """,
        "de": """
            aber als am an auch auf aus bei bin bis bist da das dass dein deine dem den der des die du durch ein \
            eine einem einen einer eines er es fur hat hatte ich ihr ihre im in ist ja kann man mit nach nicht \
            noch nur ob oder sein seine sich sie sind so uber um und uns unser vom von vor war was wie wir wird zu \
            zum zur
            """,
        "es": """
            a al algo como con de del el ella en es esta este esto ha hay la las le les lo los me mi mis no nos \
            o para pero por que se si sin sobre su sus te tu tus un una uno unos y ya yo usted ustedes su
            """,
    ]
}
