"""No tables of its own: the media fields, mixins and abstract models (`videos.VideoMedia`,
`images.FocalPointField`, …) live in their modules and become columns of the content apps' rows."""
