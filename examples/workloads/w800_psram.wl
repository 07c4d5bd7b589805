# w800 with PSRAM appended after start-up.
#
# A WinnerMicro W800 audio gadget. Its 8 MiB PSRAM is not a heap at start-up:
# the application initialises the PSRAM controller and then appends it
# (region PSRAM) to the heaps.
#   boot     a driver asks for a 64 KiB SPIRAM buffer too early: no heap has
#            SPIRAM yet; internal buffers (plain malloc) and two DMA
#            buffers in the shared DRAM;
#   psram    the PSRAM is added; the same 64 KiB request now succeeds;
#   audio    200 rounds of 4 KiB audio blocks in PSRAM with small internal
#            control blocks, a 256 KiB ring buffer in PSRAM.
# Expected outcome (tests/sim): exactly one failed request, the early one,
# with reason "no heap has these caps" in phase boot; PSRAM is used after
# it is added; integrity checks pass.
chip w800

phase boot
alloc early 64K SPIRAM
alloc drv0 55
alloc drv1 229
alloc drv2 31
alloc drv3 271
alloc drv4 309
alloc drv5 23
alloc drv6 335
alloc drv7 355
alloc drv8 211
alloc drv9 210
alloc drv10 314
alloc drv11 22
alloc drv12 327
alloc drv13 52
alloc drv14 57
alloc drv15 62
alloc drv16 343
alloc drv17 75
alloc drv18 147
alloc drv19 229
alloc drv20 388
alloc drv21 185
alloc drv22 214
alloc drv23 392
alloc drv24 371
alloc drv25 313
alloc drv26 250
alloc drv27 241
alloc drv28 252
alloc drv29 293
alloc drv30 58
alloc drv31 281
alloc drv32 400
alloc drv33 279
alloc drv34 31
alloc drv35 174
alloc drv36 323
alloc drv37 60
alloc drv38 262
alloc drv39 27
alloc dma_a 2048 DMA
alloc dma_b 2048 DMA
check
phase psram
region PSRAM
alloc late 64K SPIRAM
alloc ring 256K SPIRAM
phase audio
alloc blk0 4096 SPIRAM
alloc ctl0 53
alloc blk1 4096 SPIRAM
alloc ctl1 113
alloc blk2 4096 SPIRAM
alloc ctl2 38
alloc blk3 4096 SPIRAM
alloc ctl3 87
alloc blk4 4096 SPIRAM
alloc ctl4 123
free blk0
free ctl0
alloc blk5 4096 SPIRAM
alloc ctl5 102
free blk1
free ctl1
alloc blk6 4096 SPIRAM
alloc ctl6 108
free blk2
free ctl2
alloc blk7 4096 SPIRAM
alloc ctl7 86
free blk3
free ctl3
alloc blk8 4096 SPIRAM
alloc ctl8 56
free blk4
free ctl4
alloc blk9 4096 SPIRAM
alloc ctl9 25
free blk5
free ctl5
alloc blk10 4096 SPIRAM
alloc ctl10 71
free blk6
free ctl6
alloc blk11 4096 SPIRAM
alloc ctl11 62
free blk7
free ctl7
alloc blk12 4096 SPIRAM
alloc ctl12 42
free blk8
free ctl8
alloc blk13 4096 SPIRAM
alloc ctl13 110
free blk9
free ctl9
alloc blk14 4096 SPIRAM
alloc ctl14 102
free blk10
free ctl10
alloc blk15 4096 SPIRAM
alloc ctl15 49
free blk11
free ctl11
alloc blk16 4096 SPIRAM
alloc ctl16 90
free blk12
free ctl12
alloc blk17 4096 SPIRAM
alloc ctl17 45
free blk13
free ctl13
alloc blk18 4096 SPIRAM
alloc ctl18 120
free blk14
free ctl14
alloc blk19 4096 SPIRAM
alloc ctl19 67
free blk15
free ctl15
alloc blk20 4096 SPIRAM
alloc ctl20 108
free blk16
free ctl16
alloc blk21 4096 SPIRAM
alloc ctl21 80
free blk17
free ctl17
alloc blk22 4096 SPIRAM
alloc ctl22 87
free blk18
free ctl18
alloc blk23 4096 SPIRAM
alloc ctl23 54
free blk19
free ctl19
alloc blk24 4096 SPIRAM
alloc ctl24 65
free blk20
free ctl20
alloc blk25 4096 SPIRAM
alloc ctl25 75
free blk21
free ctl21
alloc blk26 4096 SPIRAM
alloc ctl26 109
free blk22
free ctl22
alloc blk27 4096 SPIRAM
alloc ctl27 56
free blk23
free ctl23
alloc blk28 4096 SPIRAM
alloc ctl28 49
free blk24
free ctl24
alloc blk29 4096 SPIRAM
alloc ctl29 105
free blk25
free ctl25
alloc blk30 4096 SPIRAM
alloc ctl30 79
free blk26
free ctl26
alloc blk31 4096 SPIRAM
alloc ctl31 120
free blk27
free ctl27
alloc blk32 4096 SPIRAM
alloc ctl32 49
free blk28
free ctl28
alloc blk33 4096 SPIRAM
alloc ctl33 51
free blk29
free ctl29
alloc blk34 4096 SPIRAM
alloc ctl34 73
free blk30
free ctl30
alloc blk35 4096 SPIRAM
alloc ctl35 52
free blk31
free ctl31
alloc blk36 4096 SPIRAM
alloc ctl36 98
free blk32
free ctl32
alloc blk37 4096 SPIRAM
alloc ctl37 64
free blk33
free ctl33
alloc blk38 4096 SPIRAM
alloc ctl38 50
free blk34
free ctl34
alloc blk39 4096 SPIRAM
alloc ctl39 41
free blk35
free ctl35
alloc blk40 4096 SPIRAM
alloc ctl40 41
free blk36
free ctl36
alloc blk41 4096 SPIRAM
alloc ctl41 87
free blk37
free ctl37
alloc blk42 4096 SPIRAM
alloc ctl42 68
free blk38
free ctl38
alloc blk43 4096 SPIRAM
alloc ctl43 29
free blk39
free ctl39
alloc blk44 4096 SPIRAM
alloc ctl44 115
free blk40
free ctl40
alloc blk45 4096 SPIRAM
alloc ctl45 32
free blk41
free ctl41
alloc blk46 4096 SPIRAM
alloc ctl46 59
free blk42
free ctl42
alloc blk47 4096 SPIRAM
alloc ctl47 45
free blk43
free ctl43
alloc blk48 4096 SPIRAM
alloc ctl48 38
free blk44
free ctl44
alloc blk49 4096 SPIRAM
alloc ctl49 81
free blk45
free ctl45
alloc blk50 4096 SPIRAM
alloc ctl50 84
free blk46
free ctl46
alloc blk51 4096 SPIRAM
alloc ctl51 59
free blk47
free ctl47
alloc blk52 4096 SPIRAM
alloc ctl52 51
free blk48
free ctl48
alloc blk53 4096 SPIRAM
alloc ctl53 76
free blk49
free ctl49
alloc blk54 4096 SPIRAM
alloc ctl54 72
free blk50
free ctl50
alloc blk55 4096 SPIRAM
alloc ctl55 104
free blk51
free ctl51
alloc blk56 4096 SPIRAM
alloc ctl56 90
free blk52
free ctl52
alloc blk57 4096 SPIRAM
alloc ctl57 87
free blk53
free ctl53
alloc blk58 4096 SPIRAM
alloc ctl58 110
free blk54
free ctl54
alloc blk59 4096 SPIRAM
alloc ctl59 64
free blk55
free ctl55
alloc blk60 4096 SPIRAM
alloc ctl60 115
free blk56
free ctl56
alloc blk61 4096 SPIRAM
alloc ctl61 103
free blk57
free ctl57
alloc blk62 4096 SPIRAM
alloc ctl62 81
free blk58
free ctl58
alloc blk63 4096 SPIRAM
alloc ctl63 65
free blk59
free ctl59
alloc blk64 4096 SPIRAM
alloc ctl64 33
free blk60
free ctl60
alloc blk65 4096 SPIRAM
alloc ctl65 28
free blk61
free ctl61
alloc blk66 4096 SPIRAM
alloc ctl66 59
free blk62
free ctl62
alloc blk67 4096 SPIRAM
alloc ctl67 101
free blk63
free ctl63
alloc blk68 4096 SPIRAM
alloc ctl68 29
free blk64
free ctl64
alloc blk69 4096 SPIRAM
alloc ctl69 110
free blk65
free ctl65
alloc blk70 4096 SPIRAM
alloc ctl70 114
free blk66
free ctl66
alloc blk71 4096 SPIRAM
alloc ctl71 59
free blk67
free ctl67
alloc blk72 4096 SPIRAM
alloc ctl72 97
free blk68
free ctl68
alloc blk73 4096 SPIRAM
alloc ctl73 69
free blk69
free ctl69
alloc blk74 4096 SPIRAM
alloc ctl74 63
free blk70
free ctl70
alloc blk75 4096 SPIRAM
alloc ctl75 107
free blk71
free ctl71
alloc blk76 4096 SPIRAM
alloc ctl76 96
free blk72
free ctl72
alloc blk77 4096 SPIRAM
alloc ctl77 26
free blk73
free ctl73
alloc blk78 4096 SPIRAM
alloc ctl78 106
free blk74
free ctl74
alloc blk79 4096 SPIRAM
alloc ctl79 41
free blk75
free ctl75
alloc blk80 4096 SPIRAM
alloc ctl80 75
free blk76
free ctl76
alloc blk81 4096 SPIRAM
alloc ctl81 82
free blk77
free ctl77
alloc blk82 4096 SPIRAM
alloc ctl82 48
free blk78
free ctl78
alloc blk83 4096 SPIRAM
alloc ctl83 27
free blk79
free ctl79
alloc blk84 4096 SPIRAM
alloc ctl84 122
free blk80
free ctl80
alloc blk85 4096 SPIRAM
alloc ctl85 58
free blk81
free ctl81
alloc blk86 4096 SPIRAM
alloc ctl86 54
free blk82
free ctl82
alloc blk87 4096 SPIRAM
alloc ctl87 123
free blk83
free ctl83
alloc blk88 4096 SPIRAM
alloc ctl88 42
free blk84
free ctl84
alloc blk89 4096 SPIRAM
alloc ctl89 30
free blk85
free ctl85
alloc blk90 4096 SPIRAM
alloc ctl90 104
free blk86
free ctl86
alloc blk91 4096 SPIRAM
alloc ctl91 38
free blk87
free ctl87
alloc blk92 4096 SPIRAM
alloc ctl92 81
free blk88
free ctl88
alloc blk93 4096 SPIRAM
alloc ctl93 37
free blk89
free ctl89
alloc blk94 4096 SPIRAM
alloc ctl94 104
free blk90
free ctl90
alloc blk95 4096 SPIRAM
alloc ctl95 92
free blk91
free ctl91
alloc blk96 4096 SPIRAM
alloc ctl96 107
free blk92
free ctl92
alloc blk97 4096 SPIRAM
alloc ctl97 105
free blk93
free ctl93
alloc blk98 4096 SPIRAM
alloc ctl98 71
free blk94
free ctl94
alloc blk99 4096 SPIRAM
alloc ctl99 33
free blk95
free ctl95
alloc blk100 4096 SPIRAM
alloc ctl100 111
free blk96
free ctl96
alloc blk101 4096 SPIRAM
alloc ctl101 49
free blk97
free ctl97
alloc blk102 4096 SPIRAM
alloc ctl102 49
free blk98
free ctl98
alloc blk103 4096 SPIRAM
alloc ctl103 84
free blk99
free ctl99
alloc blk104 4096 SPIRAM
alloc ctl104 56
free blk100
free ctl100
alloc blk105 4096 SPIRAM
alloc ctl105 46
free blk101
free ctl101
alloc blk106 4096 SPIRAM
alloc ctl106 115
free blk102
free ctl102
alloc blk107 4096 SPIRAM
alloc ctl107 25
free blk103
free ctl103
alloc blk108 4096 SPIRAM
alloc ctl108 120
free blk104
free ctl104
alloc blk109 4096 SPIRAM
alloc ctl109 84
free blk105
free ctl105
alloc blk110 4096 SPIRAM
alloc ctl110 92
free blk106
free ctl106
alloc blk111 4096 SPIRAM
alloc ctl111 115
free blk107
free ctl107
alloc blk112 4096 SPIRAM
alloc ctl112 28
free blk108
free ctl108
alloc blk113 4096 SPIRAM
alloc ctl113 46
free blk109
free ctl109
alloc blk114 4096 SPIRAM
alloc ctl114 52
free blk110
free ctl110
alloc blk115 4096 SPIRAM
alloc ctl115 58
free blk111
free ctl111
alloc blk116 4096 SPIRAM
alloc ctl116 123
free blk112
free ctl112
alloc blk117 4096 SPIRAM
alloc ctl117 68
free blk113
free ctl113
alloc blk118 4096 SPIRAM
alloc ctl118 93
free blk114
free ctl114
alloc blk119 4096 SPIRAM
alloc ctl119 113
free blk115
free ctl115
alloc blk120 4096 SPIRAM
alloc ctl120 90
free blk116
free ctl116
alloc blk121 4096 SPIRAM
alloc ctl121 88
free blk117
free ctl117
alloc blk122 4096 SPIRAM
alloc ctl122 102
free blk118
free ctl118
alloc blk123 4096 SPIRAM
alloc ctl123 120
free blk119
free ctl119
alloc blk124 4096 SPIRAM
alloc ctl124 44
free blk120
free ctl120
alloc blk125 4096 SPIRAM
alloc ctl125 74
free blk121
free ctl121
alloc blk126 4096 SPIRAM
alloc ctl126 113
free blk122
free ctl122
alloc blk127 4096 SPIRAM
alloc ctl127 52
free blk123
free ctl123
alloc blk128 4096 SPIRAM
alloc ctl128 35
free blk124
free ctl124
alloc blk129 4096 SPIRAM
alloc ctl129 76
free blk125
free ctl125
alloc blk130 4096 SPIRAM
alloc ctl130 116
free blk126
free ctl126
alloc blk131 4096 SPIRAM
alloc ctl131 73
free blk127
free ctl127
alloc blk132 4096 SPIRAM
alloc ctl132 40
free blk128
free ctl128
alloc blk133 4096 SPIRAM
alloc ctl133 81
free blk129
free ctl129
alloc blk134 4096 SPIRAM
alloc ctl134 82
free blk130
free ctl130
alloc blk135 4096 SPIRAM
alloc ctl135 49
free blk131
free ctl131
alloc blk136 4096 SPIRAM
alloc ctl136 104
free blk132
free ctl132
alloc blk137 4096 SPIRAM
alloc ctl137 24
free blk133
free ctl133
alloc blk138 4096 SPIRAM
alloc ctl138 72
free blk134
free ctl134
alloc blk139 4096 SPIRAM
alloc ctl139 94
free blk135
free ctl135
alloc blk140 4096 SPIRAM
alloc ctl140 96
free blk136
free ctl136
alloc blk141 4096 SPIRAM
alloc ctl141 107
free blk137
free ctl137
alloc blk142 4096 SPIRAM
alloc ctl142 88
free blk138
free ctl138
alloc blk143 4096 SPIRAM
alloc ctl143 67
free blk139
free ctl139
alloc blk144 4096 SPIRAM
alloc ctl144 83
free blk140
free ctl140
alloc blk145 4096 SPIRAM
alloc ctl145 65
free blk141
free ctl141
alloc blk146 4096 SPIRAM
alloc ctl146 107
free blk142
free ctl142
alloc blk147 4096 SPIRAM
alloc ctl147 50
free blk143
free ctl143
alloc blk148 4096 SPIRAM
alloc ctl148 36
free blk144
free ctl144
alloc blk149 4096 SPIRAM
alloc ctl149 116
free blk145
free ctl145
alloc blk150 4096 SPIRAM
alloc ctl150 106
free blk146
free ctl146
alloc blk151 4096 SPIRAM
alloc ctl151 115
free blk147
free ctl147
alloc blk152 4096 SPIRAM
alloc ctl152 39
free blk148
free ctl148
alloc blk153 4096 SPIRAM
alloc ctl153 51
free blk149
free ctl149
alloc blk154 4096 SPIRAM
alloc ctl154 55
free blk150
free ctl150
alloc blk155 4096 SPIRAM
alloc ctl155 73
free blk151
free ctl151
alloc blk156 4096 SPIRAM
alloc ctl156 35
free blk152
free ctl152
alloc blk157 4096 SPIRAM
alloc ctl157 63
free blk153
free ctl153
alloc blk158 4096 SPIRAM
alloc ctl158 92
free blk154
free ctl154
alloc blk159 4096 SPIRAM
alloc ctl159 65
free blk155
free ctl155
alloc blk160 4096 SPIRAM
alloc ctl160 57
free blk156
free ctl156
alloc blk161 4096 SPIRAM
alloc ctl161 115
free blk157
free ctl157
alloc blk162 4096 SPIRAM
alloc ctl162 26
free blk158
free ctl158
alloc blk163 4096 SPIRAM
alloc ctl163 68
free blk159
free ctl159
alloc blk164 4096 SPIRAM
alloc ctl164 88
free blk160
free ctl160
alloc blk165 4096 SPIRAM
alloc ctl165 34
free blk161
free ctl161
alloc blk166 4096 SPIRAM
alloc ctl166 28
free blk162
free ctl162
alloc blk167 4096 SPIRAM
alloc ctl167 80
free blk163
free ctl163
alloc blk168 4096 SPIRAM
alloc ctl168 67
free blk164
free ctl164
alloc blk169 4096 SPIRAM
alloc ctl169 94
free blk165
free ctl165
alloc blk170 4096 SPIRAM
alloc ctl170 77
free blk166
free ctl166
alloc blk171 4096 SPIRAM
alloc ctl171 122
free blk167
free ctl167
alloc blk172 4096 SPIRAM
alloc ctl172 59
free blk168
free ctl168
alloc blk173 4096 SPIRAM
alloc ctl173 86
free blk169
free ctl169
alloc blk174 4096 SPIRAM
alloc ctl174 27
free blk170
free ctl170
alloc blk175 4096 SPIRAM
alloc ctl175 51
free blk171
free ctl171
alloc blk176 4096 SPIRAM
alloc ctl176 32
free blk172
free ctl172
alloc blk177 4096 SPIRAM
alloc ctl177 78
free blk173
free ctl173
alloc blk178 4096 SPIRAM
alloc ctl178 28
free blk174
free ctl174
alloc blk179 4096 SPIRAM
alloc ctl179 46
free blk175
free ctl175
alloc blk180 4096 SPIRAM
alloc ctl180 92
free blk176
free ctl176
alloc blk181 4096 SPIRAM
alloc ctl181 66
free blk177
free ctl177
alloc blk182 4096 SPIRAM
alloc ctl182 111
free blk178
free ctl178
alloc blk183 4096 SPIRAM
alloc ctl183 41
free blk179
free ctl179
alloc blk184 4096 SPIRAM
alloc ctl184 84
free blk180
free ctl180
alloc blk185 4096 SPIRAM
alloc ctl185 43
free blk181
free ctl181
alloc blk186 4096 SPIRAM
alloc ctl186 90
free blk182
free ctl182
alloc blk187 4096 SPIRAM
alloc ctl187 116
free blk183
free ctl183
alloc blk188 4096 SPIRAM
alloc ctl188 90
free blk184
free ctl184
alloc blk189 4096 SPIRAM
alloc ctl189 110
free blk185
free ctl185
alloc blk190 4096 SPIRAM
alloc ctl190 112
free blk186
free ctl186
alloc blk191 4096 SPIRAM
alloc ctl191 80
free blk187
free ctl187
alloc blk192 4096 SPIRAM
alloc ctl192 87
free blk188
free ctl188
alloc blk193 4096 SPIRAM
alloc ctl193 98
free blk189
free ctl189
alloc blk194 4096 SPIRAM
alloc ctl194 112
free blk190
free ctl190
alloc blk195 4096 SPIRAM
alloc ctl195 35
free blk191
free ctl191
alloc blk196 4096 SPIRAM
alloc ctl196 121
free blk192
free ctl192
alloc blk197 4096 SPIRAM
alloc ctl197 52
free blk193
free ctl193
alloc blk198 4096 SPIRAM
alloc ctl198 80
free blk194
free ctl194
alloc blk199 4096 SPIRAM
alloc ctl199 91
free blk195
free ctl195
check
